import { describe, expect, it } from 'vitest';
import {
	defaultParams,
	leadingNaNs,
	maxRelativeDiff,
	runStream,
	truncate,
	ttrcSeries
} from '../testing';
import type { OhlcvSeries } from '../../ohlcv';
import { validateParams, type IndicatorDef, type Params } from '../indicator';
import { VOLATILITY_VOLUME_STATS } from '../registry-volatility-volume-stats';

const ttrc = ttrcSeries;

/** The first 160 bars with every field of bar 60 missing and the volume of bar 110 missing. */
function withGap(s: OhlcvSeries): OhlcvSeries {
	const g = truncate(s, 160);
	for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) g[k][60] = NaN;
	g.volume[110] = NaN;
	return g;
}

const defaults = defaultParams;

/** Defaults, plus the log-return source for the statistics that take one. */
function paramSets(def: IndicatorDef): Params[] {
	const base = defaults(def);
	return def.params.some((p) => p.name === 'source') ? [base, { ...base, source: 1 }] : [base];
}

const series = ttrc();
const gapped = withGap(series);
const cases = VOLATILITY_VOLUME_STATS.flatMap((def) =>
	paramSets(def).map((p) => [`${def.id} ${JSON.stringify(p)}`, def, p] as const)
);

describe('volatility, volume and statistics indicators keep the IndicatorDef contract', () => {
	it('has unique ids, outputs, a definition and a reference for each indicator', () => {
		const ids = VOLATILITY_VOLUME_STATS.map((d) => d.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const d of VOLATILITY_VOLUME_STATS) {
			expect(d.outputs.length, d.id).toBeGreaterThan(0);
			expect(d.definition.length, d.id).toBeGreaterThan(20);
			expect(d.reference.length, d.id).toBeGreaterThan(20);
		}
	});

	it.each(cases)('%s streams the same numbers as the batch path', (_n, def, p) => {
		for (const data of [series, gapped]) {
			const batch = def.compute(data, p);
			const live = runStream(def, data, p);
			expect(batch.length).toBe(def.outputs.length);
			def.outputs.forEach((name, k) => {
				expect(batch[k].length).toBe(data.close.length);
				expect(maxRelativeDiff(live[k], batch[k]), `${def.id}.${name}`).toBeLessThanOrEqual(1e-12);
			});
		}
	});

	it.each(cases)('%s recovers after a missing bar', (_n, def, p) => {
		const cols = def.compute(gapped, p);
		for (const col of cols) {
			expect(Number.isNaN(col[60]), `${def.id} is NaN on the missing bar`).toBe(true);
			expect(Number.isFinite(col[159]), `${def.id} is finite at the end`).toBe(true);
		}
	});

	it.each(cases)('%s has exactly warmup(p) leading NaNs on clean data', (_n, def, p) => {
		for (const col of def.compute(series, p)) expect(leadingNaNs(col)).toBe(def.warmup(p));
	});

	it.each(cases)('%s never looks ahead', (_n, def, p) => {
		const t = 3000;
		const full = def.compute(series, p);
		const cut = def.compute(truncate(series, t + 1), p);
		full.forEach((col, k) => {
			expect(maxRelativeDiff(cut[k], col.subarray(0, t + 1)), def.outputs[k]).toBe(0);
		});
	});

	it.each(VOLATILITY_VOLUME_STATS.map((d) => [d.id, d] as const))(
		'%s rejects out-of-range parameters, naming them',
		(_n, def) => {
			const unknown = validateParams(def, { nope: 1 });
			expect(unknown.ok).toBe(false);
			if (!unknown.ok) expect(unknown.message).toContain('nope');
			for (const spec of def.params) {
				const bad = [spec.min - 1, spec.max + 1, NaN];
				if (spec.integer) bad.push(spec.min + 0.5);
				for (const v of bad) {
					const r = validateParams(def, { [spec.name]: v });
					expect(r.ok, `${spec.name} = ${v}`).toBe(false);
					if (!r.ok) expect(r.message).toContain(spec.name);
				}
			}
		}
	);
});
