import { describe, expect, it } from 'vitest';
import { generateGbm, type GbmOptions } from './gbm';

const base: GbmOptions = { seed: 42, bars: 2000, s0: 100, mu: 0.08, sigma: 0.3, symbol: 'GBM' };

describe('generateGbm', () => {
	it('gives the identical series for the same seed', () => {
		expect(generateGbm(base)).toEqual(generateGbm(base));
	});
	it('gives a different series for a different seed', () => {
		expect(generateGbm({ ...base, seed: 43 }).close).not.toEqual(generateGbm(base).close);
	});
	it('keeps low ≤ min(open, close) ≤ max(open, close) ≤ high on every bar', () => {
		for (const sigma of [0, 0.2, 1.5]) {
			const s = generateGbm({ ...base, bars: 20_000, sigma });
			let bad = 0;
			for (let t = 0; t < s.close.length; t++) {
				const lo = Math.min(s.open[t], s.close[t]);
				const hi = Math.max(s.open[t], s.close[t]);
				if (!(s.low[t] > 0 && s.low[t] <= lo && hi <= s.high[t])) bad++;
			}
			expect(bad).toBe(0);
		}
	});
	it('gives bars a range: the high is above the close on most bars', () => {
		const s = generateGbm(base);
		const above = s.close.filter((c, t) => s.high[t] > c).length;
		expect(above / s.close.length).toBeGreaterThan(0.9);
	});
	it('grows exactly as s0·e^{μt} when sigma is 0', () => {
		const s = generateGbm({ ...base, bars: 252, sigma: 0 });
		expect(s.close[251] / 100).toBeCloseTo(Math.exp(0.08), 12);
		expect(s.close[0] / 100).toBeCloseTo(Math.exp(0.08 / 252), 12);
	});
	it('spaces bars stepMs apart from start', () => {
		const s = generateGbm({ ...base, bars: 3, start: 1000, stepMs: 60_000 });
		expect(Array.from(s.time)).toEqual([1000, 61_000, 121_000]);
	});
	it('draws positive whole volumes around the median', () => {
		const s = generateGbm({ ...base, bars: 10_001, volumeMedian: 5000 });
		const sorted = Float64Array.from(s.volume).sort();
		expect(sorted.every((v) => v > 0 && Number.isInteger(v))).toBe(true);
		expect(sorted[5000] / 5000).toBeGreaterThan(0.97);
		expect(sorted[5000] / 5000).toBeLessThan(1.03);
	});
	it('has log returns with annual mean μ − σ²/2 and annual volatility σ, within 4 standard errors', () => {
		const mu = 0.1;
		const sigma = 0.5;
		const n = 1_000_000;
		const p = 252;
		const s = generateGbm({ ...base, bars: n, mu, sigma, periodsPerYear: p });
		let sum = 0;
		let sumSq = 0;
		let previous = base.s0;
		for (const c of s.close) {
			const r = Math.log(c / previous);
			sum += r;
			sumSq += r * r;
			previous = c;
		}
		const mean = sum / n;
		const sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
		// Standard errors of the annualised mean (σ/√years) and of the sd (≈ σ/√(2n)) for Gaussian returns.
		expect(Math.abs(mean * p - (mu - sigma ** 2 / 2))).toBeLessThan((4 * sigma) / Math.sqrt(n / p));
		expect(Math.abs(sd * Math.sqrt(p) - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * n));
	});
	it.each([
		['a fractional bar count', { bars: 1.5 }],
		['zero bars', { bars: 0 }],
		['a non-positive s0', { s0: 0 }],
		['a negative sigma', { sigma: -0.1 }],
		['a non-integer seed', { seed: 0.5 }],
		['a gap share of 1', { gapShare: 1 }]
	])('refuses %s', (_, bad) => {
		expect(() => generateGbm({ ...base, ...bad })).toThrow(RangeError);
	});
});
