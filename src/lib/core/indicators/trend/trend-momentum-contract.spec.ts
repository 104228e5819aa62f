// The indicator contract (indicator.ts), checked for every trend & momentum definition: streaming
// equals batch, exact warm-up, the NaN-gap restart, no look-ahead, and parameter validation.
import { describe, expect, it } from 'vitest';
import type { OhlcvSeries } from '../../ohlcv';
import { validateParams, type IndicatorDef, type Params } from '../indicator';
import { TREND_MOMENTUM } from '../registry-trend-momentum';
import { blankSeries, maxRelativeDiff, runStream, truncate } from '../testing';
import { ttrcSeries } from '../testing/ttrc-series';

const real = ttrcSeries();

/** A deterministic random walk of `n` bars (an LCG, so the spec needs no seed library). */
function walk(n: number): OhlcvSeries {
	let state = 12345;
	const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
	const s = blankSeries(n, 'WALK');
	let c = 100;
	for (let i = 0; i < n; i++) {
		const o = c;
		c = o * (1 + 0.02 * rand());
		s.time[i] = i * 86_400_000;
		s.open[i] = o;
		s.close[i] = c;
		s.high[i] = Math.max(o, c) * (1 + 0.01 * Math.abs(rand()));
		s.low[i] = Math.min(o, c) * (1 - 0.01 * Math.abs(rand()));
		s.volume[i] = 1000 + 500 * rand();
	}
	return s;
}

const GAP = 100;
/** 260 bars with every field of row GAP missing. */
function gapped(): OhlcvSeries {
	const s = walk(260);
	for (const f of ['open', 'high', 'low', 'close', 'volume'] as const) s[f][GAP] = NaN;
	return s;
}

function leadingNaNs(col: Float64Array, from = 0): number {
	let i = from;
	while (i < col.length && Number.isNaN(col[i])) i++;
	return i - from;
}

function params(def: IndicatorDef, given: Params = {}): Params {
	const p = validateParams(def, given);
	if (!p.ok) throw new Error(p.message);
	return p.value;
}

describe.each(TREND_MOMENTUM.map((d) => [d.id, d] as const))('%s', (_, def) => {
	const p = params(def);

	it('streams the same numbers as the batch path on the ttrc bars', () => {
		const batch = def.compute(real, p);
		const streamed = runStream(def, real, p);
		expect(batch).toHaveLength(def.outputs.length);
		batch.forEach((col, k) => {
			expect(col).toHaveLength(real.close.length);
			expect(maxRelativeDiff(streamed[k], col), def.outputs[k]).toBeLessThanOrEqual(1e-12);
		});
	});

	it('is NaN for exactly warmup(p) leading rows in every output', () => {
		for (const col of def.compute(real, p)) expect(leadingNaNs(col)).toBe(def.warmup(p));
	});

	it('restarts after a missing bar: the gap costs warmup(p) more NaN rows, streamed as batched', () => {
		const s = gapped();
		const batch = def.compute(s, p);
		const streamed = runStream(def, s, p);
		batch.forEach((col, k) => {
			expect(maxRelativeDiff(streamed[k], col), def.outputs[k]).toBeLessThanOrEqual(1e-12);
			expect(leadingNaNs(col)).toBe(def.warmup(p));
			expect(leadingNaNs(col, GAP)).toBe(1 + def.warmup(p));
			expect(col.slice(GAP + 1 + def.warmup(p)).every(Number.isFinite)).toBe(true);
		});
	});

	it('does not look ahead: rows before t are unchanged when bars from t on are cut or altered', () => {
		const t = 1000;
		const full = def.compute(real, p);
		const cut = def.compute(truncate(real, t), p);
		const altered = truncate(real, real.close.length);
		for (const f of ['open', 'high', 'low', 'close', 'volume'] as const) {
			for (let i = t; i < altered[f].length; i++) altered[f][i] *= 1.5;
		}
		const changed = def.compute(altered, p);
		full.forEach((col, k) => {
			expect(Array.from(cut[k])).toEqual(Array.from(col.subarray(0, t)));
			expect(Array.from(changed[k].subarray(0, t))).toEqual(Array.from(col.subarray(0, t)));
		});
	});

	it.each(def.params.map((s) => [s.name, s] as const))(
		'validateParams rejects %s outside its range, naming it',
		(name, spec) => {
			for (const bad of [
				spec.min - 1,
				spec.max + 1,
				NaN,
				...(spec.integer ? [spec.min + 0.5] : [])
			]) {
				const r = validateParams(def, { [name]: bad });
				expect(r.ok).toBe(false);
				if (!r.ok) expect(r.message).toContain(name);
			}
		}
	);
});
