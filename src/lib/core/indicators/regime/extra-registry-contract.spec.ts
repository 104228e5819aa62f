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
import { validateParams, type Params } from '../indicator';
import { EXTRA } from '../registry-extra';

const ttrc = ttrcSeries;

/** Bars up to `gap + 300` with every price field of bar `gap` missing (the time is kept). */
function withGapAt(s: OhlcvSeries, gap: number): OhlcvSeries {
	const g = truncate(s, gap + 300);
	for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) g[k][gap] = NaN;
	return g;
}

const defaults = defaultParams;

/** Small non-default parameters that exercise edge sizes (each must validate). */
const SMALL: Record<string, Params> = {
	fft_band_energy: { windowLog2: 4 },
	wavelet_haar: { windowLog2: 3 },
	wavelet_db4: { windowLog2: 4 },
	vol_regime: { window: 5, minHistory: 10 },
	hmm_regime: { fitWindow: 120, refit: 21 }
};

const series = ttrc();
const cases = EXTRA.flatMap((def) =>
	[defaults(def), ...(SMALL[def.id] ? [SMALL[def.id]] : [])].map(
		(p) => [`${def.id} ${JSON.stringify(p)}`, def, p] as const
	)
);

describe('spectral, regime and calendar indicators keep the IndicatorDef contract', () => {
	it('has unique ids, outputs, a definition and a reference for each indicator', () => {
		const ids = EXTRA.map((d) => d.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const d of EXTRA) {
			expect(d.outputs.length, d.id).toBeGreaterThan(0);
			expect(d.definition.length, d.id).toBeGreaterThan(20);
			expect(d.reference.length, d.id).toBeGreaterThan(20);
			expect(validateParams(d, SMALL[d.id]).ok, d.id).toBe(true);
		}
	});

	it.each(cases)('%s streams the same numbers as the batch path', (_n, def, p) => {
		const gap = def.warmup(p) + 100;
		for (const data of [series, withGapAt(series, gap)]) {
			const batch = def.compute(data, p);
			const live = runStream(def, data, p);
			expect(batch.length).toBe(def.outputs.length);
			def.outputs.forEach((name, k) => {
				expect(batch[k].length).toBe(data.close.length);
				expect(maxRelativeDiff(live[k], batch[k]), `${def.id}.${name}`).toBeLessThanOrEqual(1e-12);
			});
		}
	});

	it.each(cases)('%s is NaN on a missing bar and recovers after it', (_n, def, p) => {
		const gap = def.warmup(p) + 100;
		const cols = def.compute(withGapAt(series, gap), p);
		const readsPrices = def.inputs.some((f) => f !== 'time');
		for (const col of cols) {
			expect(Number.isNaN(col[gap]), `${def.id} at the gap`).toBe(readsPrices);
			expect(Number.isFinite(col[gap + 299]), `${def.id} at the end`).toBe(true);
		}
	});

	it.each(cases)('%s has exactly warmup(p) leading NaNs on clean data', (_n, def, p) => {
		for (const col of def.compute(series, p)) expect(leadingNaNs(col)).toBe(def.warmup(p));
	});

	it.each(cases)('%s never looks ahead', (_n, def, p) => {
		const t = 3000;
		const full = def.compute(series, p);
		const cut = def.compute(truncate(series, t + 1), p);
		const altered = truncate(series, series.close.length);
		for (let i = t + 1; i < altered.close.length; i++) altered.close[i] *= 1 + 0.1 * Math.sin(i);
		const alt = def.compute(altered, p);
		full.forEach((col, k) => {
			expect(maxRelativeDiff(cut[k], col.subarray(0, t + 1)), def.outputs[k]).toBe(0);
			expect(maxRelativeDiff(alt[k].subarray(0, t + 1), col.subarray(0, t + 1))).toBe(0);
		});
	});

	it.each(EXTRA.map((d) => [d.id, d] as const))(
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
