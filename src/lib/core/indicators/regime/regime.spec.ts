import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOhlcvCsv } from '../../data';
import type { OhlcvSeries } from '../../ohlcv';
import { rollingStd } from '../statistics/rolling-std';
import { ExpandingRank } from './expanding-rank';
import { expandingRanks } from './expanding-ranks';
import { filterStep, fitGaussianHmm2, type GaussianHmm2 } from './gaussian-hmm';
import { hmmRegime } from './hmm-regime';
import { volRegime } from './vol-regime';

function ttrc(): OhlcvSeries {
	const parsed = parseOhlcvCsv(readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8'), {
		symbol: 'TTRC'
	});
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value.series;
}

/** Deterministic uniform(0, 1) numbers (mulberry32). */
function uniforms(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** n draws from a two-state Gaussian HMM (Box–Muller normals), with the true state path. */
function simulate(m: GaussianHmm2, n: number, seed: number) {
	const u = uniforms(seed);
	const x = new Float64Array(n);
	const states = new Uint8Array(n);
	let s = 0;
	for (let t = 0; t < n; t++) {
		if (t > 0) s = u() < m.a[2 * s + 1] ? 1 : 0;
		const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
		x[t] = m.mu[s] + Math.sqrt(m.sigma2[s]) * z;
		states[t] = s;
	}
	return { x, states };
}

const TRUE_MODEL: GaussianHmm2 = {
	pi: [1, 0],
	a: Float64Array.of(0.98, 0.02, 0.05, 0.95),
	mu: [0.0005, -0.002],
	sigma2: [0.008 ** 2, 0.025 ** 2]
};

describe('fitGaussianHmm2', () => {
	const { x, states } = simulate(TRUE_MODEL, 6000, 42);
	const fit = fitGaussianHmm2(x);

	it('recovers the parameters of a known two-state model', () => {
		const { model } = fit;
		expect(Math.sqrt(model.sigma2[0]) / 0.008).toBeCloseTo(1, 1);
		expect(Math.sqrt(model.sigma2[1]) / 0.025).toBeCloseTo(1, 1);
		expect(Math.abs(model.mu[0] - 0.0005)).toBeLessThan(0.0005);
		expect(Math.abs(model.mu[1] + 0.002)).toBeLessThan(0.002);
		expect(Math.abs(model.a[1] - 0.02)).toBeLessThan(0.01);
		expect(Math.abs(model.a[2] - 0.05)).toBeLessThan(0.02);
	});

	it('never lowers the log-likelihood from one EM iteration to the next', () => {
		expect(fit.logLik.length).toBeGreaterThan(3);
		for (let i = 1; i < fit.logLik.length; i++) {
			expect(fit.logLik[i] - fit.logLik[i - 1]).toBeGreaterThanOrEqual(
				-1e-9 * Math.abs(fit.logLik[i])
			);
		}
	});

	it('is deterministic: the same data gives the same fit', () => {
		const again = fitGaussianHmm2(x);
		expect(again.model).toEqual(fit.model);
	});

	it('filters the true state path with better than 90% accuracy', () => {
		let p = NaN;
		let hits = 0;
		for (let t = 0; t < x.length; t++) {
			p = filterStep(fit.model, p, x[t]);
			if ((p >= 0.5 ? 1 : 0) === states[t]) hits++;
		}
		expect(hits / x.length).toBeGreaterThan(0.9);
	});
});

describe('hmm_regime', () => {
	it('finds the high-volatility state more often around the 1987 crash than in calm 1993', () => {
		const s = ttrc();
		const [pHigh] = hmmRegime.compute(s, { fitWindow: 504, refit: 63 });
		const year = (y: number) => {
			const from = Date.UTC(y, 0, 1);
			const to = Date.UTC(y + 1, 0, 1);
			const v = Array.from(pHigh).filter((_, i) => s.time[i] >= from && s.time[i] < to);
			return v.reduce((a, b) => a + b, 0) / v.length;
		};
		const crash = Array.from(pHigh).findIndex((_, i) => s.time[i] === Date.UTC(1987, 9, 19));
		expect(pHigh[crash]).toBeGreaterThan(0.99);
		expect(year(1993)).toBeLessThan(year(1987));
		for (const v of pHigh) if (Number.isFinite(v)) expect(v >= 0 && v <= 1).toBe(true);
	});
});

describe('vol_regime', () => {
	it('ExpandingRank gives mid-ranks, counting ties half', () => {
		const r = new ExpandingRank();
		[3, 1, 2, 2, 5].forEach((v) => r.add(v));
		expect([r.rank(0), r.rank(2), r.rank(2.5), r.rank(9)]).toEqual([0, 0.4, 0.6, 1]);
	});

	it('matches a brute-force count of earlier rolling volatilities on ttrc', () => {
		const s = ttrc();
		const p = { window: 20, minHistory: 252 };
		const [regime, pct] = volRegime.compute(s, p);
		// The volatility column from the statistics library (itself tested against TTR runSD), then
		// an independent linear count over the history in place of the sorted buffer.
		const [sd] = rollingStd.compute(s, { window: p.window, source: 1 });
		let worst = 0;
		let mismatches = 0;
		for (let t = p.window + p.minHistory; t < sd.length; t++) {
			let below = 0;
			let equal = 0;
			for (let u = p.window; u < t; u++) {
				if (sd[u] < sd[t]) below++;
				else if (sd[u] === sd[t]) equal++;
			}
			const ref = (below + 0.5 * equal) / (t - p.window);
			worst = Math.max(worst, Math.abs(ref - pct[t]));
			if ((ref < 1 / 3 ? 0 : ref < 2 / 3 ? 1 : 2) !== regime[t]) mismatches++;
		}
		expect(worst).toBe(0);
		expect(mismatches).toBe(0);
	});

	it('spends about a third of the time in each regime', () => {
		const [regime] = volRegime.compute(ttrc(), { window: 20, minHistory: 252 });
		const counts = [0, 0, 0];
		for (const v of regime) if (Number.isFinite(v)) counts[v]++;
		const total = counts[0] + counts[1] + counts[2];
		for (const c of counts) expect(c / total).toBeGreaterThan(0.15);
	});
});

describe('expandingRanks (the batch twin of ExpandingRank)', () => {
	it('gives the bits of ExpandingRank on ties, NaN gaps and long histories', () => {
		const values = Float64Array.from({ length: 5000 }, (_, i) =>
			i % 17 === 5 ? NaN : Math.round(Math.sin(i * 0.37) * 40) / 8
		);
		for (const minHistory of [1, 3, 252]) {
			const batch = expandingRanks(values, minHistory);
			const r = new ExpandingRank();
			for (let t = 0; t < values.length; t++) {
				const v = values[t];
				const expected = Number.isNaN(v) || r.size < minHistory ? NaN : r.rank(v);
				if (!Number.isNaN(v)) r.add(v);
				expect(Object.is(batch[t], expected), `t ${t}, minHistory ${minHistory}`).toBe(true);
			}
		}
	});

	it('ranks against the past only', () => {
		expect(Array.from(expandingRanks(Float64Array.of(1, 2, 3, 2), 1))).toEqual([NaN, 1, 1, 0.5]);
	});
});
