import { defineWaveletEnergy } from './define-wavelet-energy';
import { HAAR } from './wavelet-energies';

/**
 * Haar wavelet energy of log returns: the share of a trailing window's energy Σr² carried by the
 * detail coefficients at scales 2, 4 and 8 bars (levels 1–3) and by the level-3 approximation
 * (slower than 8 bars, including the mean). Noise-like returns put about 1/2, 1/4, 1/8, 1/8 in
 * the four outputs; mean reversion shifts energy to d1, momentum to d3 and a3.
 *
 * @example
 * waveletHaar.compute(series, { windowLog2: 6 }); // [d1, d2, d3, a3], first values at bar 64
 */
export const waveletHaar = defineWaveletEnergy({
	id: 'wavelet_haar',
	name: 'Haar wavelet energy of log returns',
	filter: HAAR,
	minLog2: 3,
	definition:
		'Over the last N = 2ᵏ log returns (k = windowLog2, aligned so the window starts a Haar pair), ' +
		'the orthonormal Haar DWT to level 3: dʲ⁺¹ = (a₂ᵢ − a₂ᵢ₊₁)/√2, aʲ⁺¹ = (a₂ᵢ + a₂ᵢ₊₁)/√2, ' +
		'a⁰ = r. Outputs E(d¹)/E, E(d²)/E, E(d³)/E, E(a³)/E with E(v) = Σv² and E = Σr² (Parseval: ' +
		'they sum to 1). No demeaning, no boundary handling (N is a multiple of 8). Warm-up N bars; ' +
		'NaN until N consecutive finite returns, and when every return in the window is 0. Each ' +
		'block’s coefficients are computed once, when its last return arrives (Haar blocks do not ' +
		'overlap); the energies sum the window’s aligned blocks, O(N) adds per bar.',
	reference:
		'Mallat (1989), IEEE PAMI 11(7):674 (pyramid algorithm); Daubechies (1992), Ten Lectures on ' +
		'Wavelets, SIAM, §5.1 (Haar basis); Percival & Walden (2000), Wavelet Methods for Time Series ' +
		'Analysis, ch. 4; tested against hand-computed transforms and Parseval’s identity.'
});
