import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOhlcvCsv } from '../../data';
import type { OhlcvSeries } from '../../ohlcv';
import fixture from '../fixtures/extra.json';
import { maxRelativeDiff } from '../testing';
import { bandFractions } from './band-fractions';
import { fft } from './fft';
import { fftBandEnergy } from './fft-band-energy';
import { waveletDb4 } from './wavelet-db4';
import { FourTapWindowEnergies } from './four-tap-window-energies';
import { HaarWindowEnergies } from './haar-window-energies';
import { DAUBECHIES_4, HAAR, waveletEnergies, waveletFilter } from './wavelet-energies';
import { waveletHaar } from './wavelet-haar';

/** Deterministic uniform(−1, 1) numbers (mulberry32). */
function noise(n: number, seed: number): Float64Array {
	let a = seed >>> 0;
	return Float64Array.from({ length: n }, () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
	});
}

/** A close series whose one-bar log returns are exactly `returns` (close₀ = 100). */
function fromReturns(returns: ArrayLike<number>): OhlcvSeries {
	const close = new Float64Array(returns.length + 1);
	close[0] = 100;
	for (let i = 0; i < returns.length; i++) close[i + 1] = close[i] * Math.exp(returns[i]);
	const time = Float64Array.from(close, (_, i) => i * 86_400_000);
	const nan = new Float64Array(close.length).fill(NaN);
	return { symbol: 'SYN', time, open: close, high: close, low: close, close, volume: nan };
}

function ttrc(): OhlcvSeries {
	const parsed = parseOhlcvCsv(readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8'), {
		symbol: 'TTRC'
	});
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value.series;
}

describe('fft', () => {
	it.each([1, 2, 4, 8, 64, 1024])('fft of %i points equals the naive DFT', (n) => {
		const x = noise(n, n);
		const y = noise(n, n + 7);
		const re = x.slice();
		const im = y.slice();
		fft(re, im);
		let worst = 0;
		for (let k = 0; k < n; k++) {
			let sr = 0;
			let si = 0;
			for (let t = 0; t < n; t++) {
				const ang = (-2 * Math.PI * ((k * t) % n)) / n;
				sr += x[t] * Math.cos(ang) - y[t] * Math.sin(ang);
				si += x[t] * Math.sin(ang) + y[t] * Math.cos(ang);
			}
			worst = Math.max(worst, Math.abs(sr - re[k]), Math.abs(si - im[k]));
		}
		expect(worst).toBeLessThan(1e-12 * n);
	});
});

describe('fft_band_energy', () => {
	const n = 64;
	const scratch = () => [new Float64Array(n), new Float64Array(n)] as const;
	const sine = (period: number) =>
		Float64Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * t) / period + 0.3));

	it.each([
		[32, 0],
		[8, 1],
		[2.5, 2]
	])('puts a sine of period %f bars in band %i', (period, band) => {
		const shares = bandFractions(sine(period), ...scratch());
		expect(shares[band]).toBeGreaterThan(0.9);
		expect(shares[0] + shares[1] + shares[2]).toBeCloseTo(1, 12);
	});

	it('is NaN for a flat or steadily compounding price', () => {
		for (const r of [0, 0.01]) {
			expect(bandFractions(new Float64Array(n).fill(r), ...scratch())).toEqual([NaN, NaN, NaN]);
		}
	});

	it('splits white-noise energy in proportion to the bins per band (8, 24, 31 of 63)', () => {
		const out = fftBandEnergy.compute(fromReturns(noise(4096, 5)), { windowLog2: 6 });
		[8 / 63, 24 / 63, 31 / 63].forEach((share, k) => {
			const vals = Array.from(out[k]).filter(Number.isFinite);
			expect(Math.abs(vals.reduce((a, b) => a + b, 0) / vals.length - share)).toBeLessThan(0.02);
		});
	});

	it('slides the DFT to the per-bar FFT’s shares (1e-12), through gaps and a 10⁶× volatility collapse', () => {
		// Returns at 1e-2, then 1e-8 for a stretch (the old scale must not linger in the slid
		// spectrum), a flat stretch (NaN), a missing close, and back.
		const r = Array.from(noise(6000, 9), (v, i) =>
			i >= 2000 && i < 2600 ? v * 1e-8 : i >= 3000 && i < 3100 ? 0.001 : v * 0.01
		);
		const bars = fromReturns(r);
		bars.close[4000] = NaN;
		for (const k of [4, 6, 8]) {
			const size = 2 ** k;
			const got = fftBandEnergy.compute(bars, { windowLog2: k });
			const [re, im] = [new Float64Array(size), new Float64Array(size)];
			let worst = 0;
			let compared = 0;
			for (let t = size; t < bars.close.length; t++) {
				const window = Float64Array.from({ length: size }, (_, j) =>
					Math.log(bars.close[t - size + 1 + j] / bars.close[t - size + j])
				);
				const want = window.every(Number.isFinite)
					? bandFractions(window, re, im)
					: [NaN, NaN, NaN];
				for (let b = 0; b < 3; b++) {
					if (Number.isNaN(want[b])) expect(got[b][t], `N=${size} t=${t}`).toBeNaN();
					else {
						worst = Math.max(worst, Math.abs(got[b][t] - want[b]));
						compared++;
					}
				}
			}
			expect(compared).toBeGreaterThan(15_000);
			expect(worst, `N=${size}`).toBeLessThan(1e-12);
		}
	});

	const ttr = ttrc();
	const cases = (
		fixture as unknown as {
			spectral: {
				params: { windowLog2: number };
				rows: number[];
				outputs: Record<string, (number | null)[]>;
			}[];
		}
	).spectral;
	it.each(cases.map((c) => [c.params.windowLog2, c] as const))(
		'windowLog2 = %i matches R stats::fft band shares on ttrc to 1e-9',
		(_k, c) => {
			const ours = fftBandEnergy.compute(ttr, c.params);
			fftBandEnergy.outputs.forEach((name, k) => {
				const theirs = c.outputs[name].map((v) => v ?? NaN);
				expect(
					maxRelativeDiff(
						c.rows.map((r) => ours[k][r]),
						theirs
					),
					name
				).toBeLessThanOrEqual(1e-9);
			});
		}
	);
});

const energies = (x: Float64Array, levels: number, h: readonly number[]) =>
	waveletEnergies(x, levels, h, new Float64Array(x.length), new Float64Array(x.length));

describe('waveletEnergies', () => {
	it('matches a hand-computed Haar transform', () => {
		// x = [4, 2, 5, 5]: d¹ = [2, 0]/√2 → 2; a¹ = [6, 10]/√2; d² = −4/2 → 4; a² = 16/2 → 64.
		const e = energies(Float64Array.of(4, 2, 5, 5), 2, HAAR);
		[2, 4, 64].forEach((v, k) => expect(e[k]).toBeCloseTo(v, 12));
	});

	it.each([
		['Haar', HAAR],
		['D4', DAUBECHIES_4]
	])('keeps Parseval’s identity with the %s filter', (_n, h) => {
		const x = noise(256, 3);
		const e = energies(x, 3, h);
		const total = x.reduce((s, v) => s + v * v, 0);
		expect(Math.abs(e.reduce((a, b) => a + b, 0) - total) / total).toBeLessThan(1e-13);
	});

	it('D4 has orthonormal filters: Σh = √2, Σh² = 1, Σ hₖhₖ₊₂ = 0', () => {
		const h = DAUBECHIES_4;
		expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.SQRT2, 14);
		expect(h.reduce((a, b) => a + b * b, 0)).toBeCloseTo(1, 14);
		expect(h[0] * h[2] + h[1] * h[3]).toBeCloseTo(0, 14);
	});

	it('D4 details vanish on a linear trend (two vanishing moments), Haar’s do not', () => {
		const ramp = Float64Array.from({ length: 64 }, (_, i) => i);
		// Haar: each of the 32 pairs has d = −1/√2, so E(d¹) = 16.
		expect(energies(ramp, 1, HAAR)[0]).toBeCloseTo(16, 10);
		// D4: the 31 interior details are 0; only the one wrapping round the window's end, over
		// samples (62, 63, 0, 1), is not.
		const h = DAUBECHIES_4;
		const g = [h[3], -h[2], h[1], -h[0]];
		const wrapped = g[0] * 62 + g[1] * 63 + g[2] * 0 + g[3] * 1;
		expect(energies(ramp, 1, DAUBECHIES_4)[0]).toBeCloseTo(wrapped * wrapped, 9);
	});
});

describe('HaarWindowEnergies', () => {
	it('gives the pyramid’s energies bit for bit, window by window, through gaps', () => {
		const closes = fromReturns(Array.from(noise(700, 3), (v) => v * 0.02)).close;
		closes[300] = NaN; // a missing close: the window refills after it
		for (const k of [3, 4, 6]) {
			const n = 2 ** k;
			const blocks = new HaarWindowEnergies(n, Float64Array.from(HAAR), waveletFilter(HAAR));
			const e = new Float64Array(4);
			let compared = 0;
			for (let t = 0; t < closes.length; t++) {
				const ready = blocks.push(closes[t], e);
				const window = Float64Array.from({ length: n }, (_, j) =>
					Math.log(closes[t - n + 1 + j] / closes[t - n + j])
				);
				const usable = t >= n && window.every(Number.isFinite);
				expect(ready, `N=${n} t=${t}`).toBe(usable);
				if (!usable) continue;
				expect(Array.from(e)).toEqual(energies(window, 3, HAAR));
				compared++;
			}
			expect(compared).toBeGreaterThan(500);
		}
	});
});

describe('FourTapWindowEnergies', () => {
	it('gives the periodic D4 pyramid’s energies bit for bit, window by window, through gaps', () => {
		const closes = fromReturns(Array.from(noise(900, 5), (v) => v * 0.02)).close;
		closes[300] = NaN; // a missing close: the window refills after it
		closes[420] = -1; // a non-positive close: NaN returns, the same
		for (const k of [4, 5, 6, 7]) {
			const n = 2 ** k;
			const kept = new FourTapWindowEnergies(
				n,
				Float64Array.from(DAUBECHIES_4),
				waveletFilter(DAUBECHIES_4)
			);
			const e = new Float64Array(4);
			let compared = 0;
			for (let t = 0; t < closes.length; t++) {
				const ready = kept.push(closes[t], e);
				const window = Float64Array.from({ length: n }, (_, j) =>
					Math.log(closes[t - n + 1 + j] / closes[t - n + j])
				);
				const usable = t >= n && window.every(Number.isFinite);
				expect(ready, `N=${n} t=${t}`).toBe(usable);
				if (!usable) continue;
				expect(Array.from(e), `N=${n} t=${t}`).toEqual(energies(window, 3, DAUBECHIES_4));
				compared++;
			}
			expect(compared).toBeGreaterThan(400);
		}
	});

	it('refuses windows below 16 and filters that are not four taps', () => {
		const g = waveletFilter(DAUBECHIES_4);
		expect(() => new FourTapWindowEnergies(8, Float64Array.from(DAUBECHIES_4), g)).toThrow(/16/);
		expect(() => new FourTapWindowEnergies(24, Float64Array.from(DAUBECHIES_4), g)).toThrow(/16/);
		expect(() => new FourTapWindowEnergies(16, Float64Array.from(HAAR), g)).toThrow(/four-tap/);
	});
});

describe('wavelet_haar and wavelet_db4', () => {
	it('gives alternating returns all their energy in d1 and constant returns all in a3', () => {
		const alt = waveletHaar.compute(
			fromReturns(Float64Array.from({ length: 80 }, (_, i) => (i % 2 ? 0.01 : -0.01))),
			{ windowLog2: 6 }
		);
		expect(alt[0][70]).toBeCloseTo(1, 12);
		const drift = waveletHaar.compute(fromReturns(new Float64Array(80).fill(0.002)), {
			windowLog2: 6
		});
		expect(drift[3][70]).toBeCloseTo(1, 9);
	});

	it.each([
		['wavelet_haar', waveletHaar],
		['wavelet_db4', waveletDb4]
	])('%s splits white-noise energy about 1/2, 1/4, 1/8, 1/8 on average', (_n, def) => {
		const out = def.compute(fromReturns(noise(4096, 11)), { windowLog2: 6 });
		const means = out.map((col) => {
			const vals = Array.from(col).filter(Number.isFinite);
			return vals.reduce((a, b) => a + b, 0) / vals.length;
		});
		[0.5, 0.25, 0.125, 0.125].forEach((m, k) => expect(Math.abs(means[k] - m)).toBeLessThan(0.02));
	});
});
