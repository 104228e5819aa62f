import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams, leadingNaNs, maxRelativeDiff } from '../testing';
import type { OhlcvSeries } from '../../ohlcv';
import fixture from '../fixtures/extra.json';
import { validateParams, type Params, type RelationDef } from '../indicator';
import { RELATIONS } from '../registry-extra';

/** R's EuStockMarkets closes, one column per index (1,860 business days, 1991–1998). */
function euStockMarkets(): Record<string, Float64Array> {
	const [head, ...lines] = readFileSync('static/datasets/eustockmarkets_daily_close.csv', 'utf8')
		.trim()
		.split('\n');
	const names = head.split(',').map((h) => h.replaceAll('"', ''));
	const cols = names.map(() => new Float64Array(lines.length));
	lines.forEach((line, i) => line.split(',').forEach((v, k) => (cols[k][i] = Number(v))));
	return Object.fromEntries(names.map((n, k) => [n, cols[k]]));
}

/** A close-only series (the relation indicators read nothing else). */
const closeSeries = (symbol: string, close: Float64Array): OhlcvSeries => ({
	symbol,
	time: Float64Array.from(close, (_, i) => i * 86_400_000),
	open: close,
	high: close,
	low: close,
	close,
	volume: new Float64Array(close.length).fill(NaN)
});

function runRelationStream(def: RelationDef, s: OhlcvSeries, other: Float64Array, p: Params) {
	const outs = def.outputs.map(() => new Float64Array(s.close.length));
	const stream = def.stream(p);
	for (let i = 0; i < s.close.length; i++) {
		const bar = {
			time: s.time[i],
			open: s.open[i],
			high: s.high[i],
			low: s.low[i],
			close: s.close[i],
			volume: s.volume[i]
		};
		const v = stream.update(bar, other[i]);
		outs.forEach((col, k) => (col[i] = v[k]));
	}
	return outs;
}

const defaults = defaultParams;

const eu = euStockMarkets();
const dax = closeSeries('DAX', eu.DAX);
const smi = eu.SMI;
/** DAX with bar 200 missing, SMI with bar 400 missing. */
const daxGap = closeSeries('DAX', eu.DAX.slice());
daxGap.close[200] = NaN;
const smiGap = eu.SMI.slice();
smiGap[400] = NaN;

const cases = RELATIONS.flatMap((def) =>
	[defaults(def), { window: 5 }].map((p) => [`${def.id} ${JSON.stringify(p)}`, def, p] as const)
);

describe('relation indicators keep the RelationDef contract', () => {
	it('has unique ids, outputs, a definition and a reference for each relation', () => {
		const ids = RELATIONS.map((d) => d.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const d of RELATIONS) {
			expect(d.category).toBe('relation');
			expect(d.definition.length, d.id).toBeGreaterThan(20);
			expect(d.reference.length, d.id).toBeGreaterThan(20);
		}
	});

	it.each(cases)('%s streams the same numbers as the batch path', (_n, def, p) => {
		for (const [s, o] of [
			[dax, smi],
			[daxGap, smiGap]
		] as const) {
			const batch = def.compute(s, p, o);
			const live = runRelationStream(def, s, o, p);
			def.outputs.forEach((name, k) => {
				expect(batch[k].length).toBe(s.close.length);
				expect(maxRelativeDiff(live[k], batch[k]), name).toBeLessThanOrEqual(1e-12);
			});
		}
	});

	it.each(cases)('%s has exactly warmup(p) leading NaNs on clean data', (_n, def, p) => {
		for (const col of def.compute(dax, p, smi)) expect(leadingNaNs(col)).toBe(def.warmup(p));
	});

	it.each(cases)(
		'%s is NaN while a missing bar of either series is in the window',
		(_n, def, p) => {
			const [col] = def.compute(daxGap, p, smiGap);
			for (const gap of [200, 400]) {
				for (let i = gap; i <= gap + p.window; i++) expect(col[i], `bar ${i}`).toBeNaN();
				expect(col[gap + p.window + 1]).not.toBeNaN();
			}
		}
	);

	it.each(cases)('%s never looks ahead', (_n, def, p) => {
		const t = 1000;
		const [full] = def.compute(dax, p, smi);
		const altered = smi.slice();
		for (let i = t + 1; i < altered.length; i++) altered[i] *= 1.5;
		const [cut] = def.compute(closeSeries('DAX', eu.DAX.slice(0, t + 1)), p, smi.slice(0, t + 1));
		const [alt] = def.compute(dax, p, altered);
		expect(maxRelativeDiff(cut, full.subarray(0, t + 1))).toBe(0);
		expect(maxRelativeDiff(alt.subarray(0, t + 1), full.subarray(0, t + 1))).toBe(0);
	});

	it.each(RELATIONS.map((d) => [d.id, d] as const))(
		'%s rejects bad parameters, naming them',
		(_n, def) => {
			for (const v of [2, 100_001, 7.5, NaN]) {
				const r = validateParams(def, { window: v });
				expect(r.ok).toBe(false);
				if (!r.ok) expect(r.message).toContain('window');
			}
			const unknown = validateParams(def, { nope: 1 });
			expect(unknown.ok).toBe(false);
			if (!unknown.ok) expect(unknown.message).toContain('nope');
		}
	);
});

interface RelationCase {
	id: string;
	params: Params;
	series: string;
	other: string;
	rows: number[];
	outputs: Record<string, (number | null)[]>;
}

describe('relation indicators match R on EuStockMarkets', () => {
	const byId = new Map(RELATIONS.map((d) => [d.id, d]));
	const ref = (fixture as unknown as { relations: RelationCase[] }).relations;
	it.each(
		ref.map((c) => [`${c.id} ${c.series}~${c.other} ${JSON.stringify(c.params)}`, c] as const)
	)('%s agrees with TTR runCor / runCov ÷ runVar to 1e-9', (_n, c) => {
		const def = byId.get(c.id)!;
		const [ours] = def.compute(closeSeries(c.series, eu[c.series]), c.params, eu[c.other]);
		const [name] = def.outputs;
		const theirs = c.outputs[name].map((v) => v ?? NaN);
		expect(
			maxRelativeDiff(
				c.rows.map((r) => ours[r]),
				theirs
			)
		).toBeLessThanOrEqual(1e-9);
	});

	it('gives DAX a positive beta and correlation on SMI over the whole sample', () => {
		const [beta] = RELATIONS[1].compute(dax, { window: 1800 }, smi);
		const [corr] = RELATIONS[0].compute(dax, { window: 1800 }, smi);
		expect(beta[1859]).toBeGreaterThan(0.5);
		expect(corr[1859]).toBeGreaterThan(0.5);
		expect(corr[1859]).toBeLessThanOrEqual(1);
	});
});
