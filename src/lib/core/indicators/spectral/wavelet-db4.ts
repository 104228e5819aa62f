import { defineWaveletEnergy } from './define-wavelet-energy';
import { DAUBECHIES_4 } from './wavelet-energies';

/**
 * Daubechies-4 wavelet energy of log returns: as `wavelet_haar` with Daubechies' 4-tap filter,
 * whose two vanishing moments leave a linear trend out of the details (Haar removes only a
 * constant), giving sharper scale separation.
 *
 * @example
 * waveletDb4.compute(series, { windowLog2: 6 }); // [d1, d2, d3, a3], first values at bar 64
 */
export const waveletDb4 = defineWaveletEnergy({
	id: 'wavelet_db4',
	name: 'Daubechies-4 wavelet energy of log returns',
	filter: DAUBECHIES_4,
	minLog2: 4,
	definition:
		'Over the last N = 2ᵏ log returns (k = windowLog2), the orthonormal periodic DWT with the ' +
		'Daubechies D4 filter h = (1+√3, 3+√3, 3−√3, 1−√3)/(4√2), gₖ = (−1)ᵏh₃₋ₖ, to level 3: ' +
		'dʲ⁺¹ᵢ = Σₖ gₖ aʲ₍₂ᵢ₊ₖ₎ mod m, aʲ⁺¹ᵢ = Σₖ hₖ aʲ₍₂ᵢ₊ₖ₎ mod m. The wrap-around is periodic ' +
		'extension of the window itself (no data outside it). Outputs E(d¹)/E, E(d²)/E, E(d³)/E, ' +
		'E(a³)/E, E = Σr² (Parseval). Warm-up N bars; NaN until N consecutive finite returns, and ' +
		'when every return in the window is 0. Each coefficient that does not wrap is computed ' +
		'once, when its last return arrives; the few that wrap are computed per bar; O(N) adds per bar.',
	reference:
		'Daubechies (1992), Ten Lectures on Wavelets, SIAM, §6.1 and Table 6.1; Mallat (1989), IEEE ' +
		'PAMI 11(7):674; Percival & Walden (2000), ch. 4 (periodic DWT); tested for orthonormality ' +
		'(Parseval), vanishing moments and against the Haar case.'
});
