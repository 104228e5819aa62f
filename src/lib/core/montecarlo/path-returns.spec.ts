import { describe, expect, it } from 'vitest';
import { resolveConfig, type MonteCarloConfig, type PathModel, type ResolvedModel } from './config';
import { pathReturns } from './path-returns';

const resolve = (model: PathModel): ResolvedModel => {
	const r = resolveConfig({ model, paths: 1, steps: 1, seed: 0 } satisfies MonteCarloConfig);
	if (!r.ok) throw new Error(r.message);
	return r.value;
};

const path = (model: ResolvedModel, p: number, steps: number, seed = 11, stream = 0) => {
	const out = new Float64Array(steps);
	pathReturns(model, seed, stream, p, out);
	return out;
};

/** A source series whose values are distinct, so a value identifies its index. */
const source = Float64Array.from({ length: 500 }, (_, i) => (i - 250) * 1e-4 + 1e-7 * i * i);
const indexOf = new Map(Array.from(source, (v, i) => [v, i]));

describe('pathReturns: stationary block bootstrap (Politis & Romano 1994)', () => {
	it('draws only returns from the source series', () => {
		const model = resolve({ kind: 'bootstrap', returns: source, meanBlockLength: 5 });
		let foreign = 0;
		for (let p = 0; p < 200; p++)
			for (const r of path(model, p, 252)) if (!indexOf.has(r)) foreign++;
		expect(foreign).toBe(0);
	});

	it('makes blocks of geometric length with the given mean, wrapping around the series', () => {
		const L = 8;
		const model = resolve({ kind: 'bootstrap', returns: source, meanBlockLength: L });
		let restarts = 0;
		let continued = 0;
		let wrapped = 0;
		for (let p = 0; p < 400; p++) {
			const idx = Array.from(path(model, p, 252), (r) => indexOf.get(r)!);
			for (let s = 1; s < idx.length; s++) {
				if (idx[s] === (idx[s - 1] + 1) % source.length) {
					continued++;
					if (idx[s] === 0) wrapped++;
				} else restarts++;
			}
		}
		// A restart may land on the next index by chance (1/500), so restarts are slightly undercounted.
		const p = restarts / (restarts + continued);
		const se = Math.sqrt(((1 / L) * (1 - 1 / L)) / (restarts + continued));
		expect(Math.abs(p - 1 / L)).toBeLessThan(4 * se + 1 / source.length / L);
		expect(wrapped).toBeGreaterThan(0);
	});

	it('restarts at every step when the mean block length is 1 (the i.i.d. bootstrap)', () => {
		const model = resolve({ kind: 'bootstrap', returns: source, meanBlockLength: 1 });
		const idx = Array.from(path(model, 3, 2000), (r) => indexOf.get(r)!);
		let runs = 0;
		for (let s = 1; s < idx.length; s++) if (idx[s] === (idx[s - 1] + 1) % source.length) runs++;
		expect(runs).toBeLessThan(20); // only chance neighbours: expected 2000 / 500 = 4
	});
});

describe('pathReturns: GBM', () => {
	it('gives final log returns with mean steps·(mu − sigma²/2) and variance steps·sigma²', () => {
		const [mu, sigma, steps, n] = [4e-4, 0.015, 63, 20_000];
		const model = resolve({ kind: 'gbm', mu, sigma });
		let s1 = 0;
		let s2 = 0;
		for (let p = 0; p < n; p++) {
			let x = 0;
			for (const r of path(model, p, steps)) x += r;
			s1 += x;
			s2 += x * x;
		}
		const mean = s1 / n;
		const variance = (s2 - s1 * mean) / (n - 1);
		const theoryVar = steps * sigma * sigma;
		// 4 standard errors: of the mean √(var/n); of the variance var·√(2/(n−1)).
		expect(Math.abs(mean - steps * (mu - (sigma * sigma) / 2))).toBeLessThan(
			4 * Math.sqrt(theoryVar / n)
		);
		expect(Math.abs(variance - theoryVar)).toBeLessThan(4 * theoryVar * Math.sqrt(2 / (n - 1)));
	});

	it('generates a path the same alone or among others, and differently per seed and stream', () => {
		const model = resolve({ kind: 'gbm', mu: 0, sigma: 0.01 });
		expect(path(model, 7, 30)).toEqual(path(model, 7, 30));
		expect(path(model, 7, 30).subarray(0, 10)).toEqual(path(model, 7, 10));
		expect(path(model, 7, 30)).not.toEqual(path(model, 8, 30));
		expect(path(model, 7, 30, 12)).not.toEqual(path(model, 7, 30, 11));
		expect(path(model, 7, 30, 11, 1)).not.toEqual(path(model, 7, 30, 11, 0));
	});
});

describe('pathReturns: 2-regime Markov switching GBM', () => {
	// sigma = 0 makes each step's return name its regime.
	const markov = (initialRegime?: 0 | 1 | 'stationary') =>
		resolve({
			kind: 'markov-gbm',
			regimes: [
				{ mu: 0.001, sigma: 0 },
				{ mu: -0.002, sigma: 0 }
			],
			transition: [
				[0.95, 0.05],
				[0.2, 0.8]
			],
			initialRegime
		});
	const regimes = (model: ResolvedModel, p: number, steps: number) =>
		Array.from(path(model, p, steps), (r) => (r < 0 ? 1 : 0));

	it('switches regimes with the transition probabilities and starts from the stationary law', () => {
		const model = markov();
		let from0 = 0;
		let switched0 = 0;
		let start1 = 0;
		const n = 2000;
		for (let p = 0; p < n; p++) {
			const g = regimes(model, p, 100);
			start1 += g[0];
			for (let s = 1; s < g.length; s++)
				if (g[s - 1] === 0) {
					from0++;
					switched0 += g[s];
				}
		}
		const pi1 = 0.05 / 0.25;
		expect(Math.abs(start1 / n - pi1)).toBeLessThan(4 * Math.sqrt((pi1 * (1 - pi1)) / n));
		expect(Math.abs(switched0 / from0 - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / from0));
	});

	it('starts in the regime it is given', () => {
		expect(regimes(markov(1), 0, 1)[0]).toBe(1);
		expect(regimes(markov(0), 0, 1)[0]).toBe(0);
	});
});
