import { describe, expect, it } from 'vitest';
import { evaluate } from '../expr';
import { findIndicator } from '../indicators/registry';
import { forwardReturn } from '../labels';
import { generateGbm } from '../synthetic';
import {
	correlationMatrix,
	featureTableFromCsv,
	featureTableFromJson,
	featureTableFromParquet,
	featureTableToCsv,
	featureTableToJson,
	featureTableToParquet,
	previewRows,
	runPipeline,
	runPipelineCancellable,
	specHash,
	validatePipelineSpec,
	type FeatureTable
} from '.';

const series = generateGbm({ seed: 7, bars: 300, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'GBM' });

const SPEC = {
	transformations: [
		{ kind: 'indicator', id: 'sma', params: { n: 20 } },
		{ kind: 'indicator', id: 'bollinger', params: { period: 10 } },
		{ kind: 'expression', name: 'mom5', expression: '$close / Ref($close, 5) - 1' }
	],
	labels: [{ kind: 'forward_return', horizon: 3 }]
};

function validated(spec: unknown = SPEC) {
	const v = validatePipelineSpec(spec);
	if (!v.ok) throw new Error(v.message);
	return v.value;
}

describe('validatePipelineSpec', () => {
	it('names columns after the indicator and its params, one per output', () => {
		expect(validated().columns).toEqual([
			'sma_20',
			'bollinger_10_2_middle',
			'bollinger_10_2_upper',
			'bollinger_10_2_lower',
			'bollinger_10_2_percent_b',
			'bollinger_10_2_bandwidth',
			'mom5',
			'fwd_log_return_3'
		]);
	});

	it.each([
		[
			{ transformations: [{ kind: 'indicator', id: 'nope' }] },
			'transformations[0]: unknown indicator "nope"'
		],
		[
			{
				transformations: [
					{ kind: 'indicator', id: 'sma' },
					{ kind: 'indicator', id: 'rsi', params: { n: 0 } }
				]
			},
			'transformations[1] (rsi): n must be an integer'
		],
		[
			{ transformations: [{ kind: 'indicator', id: 'rsi', params: { period: 3 } }] },
			'transformations[0] (rsi): unknown parameter "period"'
		],
		[
			{ transformations: [{ kind: 'expression', name: 'x', expression: 'Mean($close, 5' }] },
			"transformations[0] (x): expected ')'"
		],
		[
			{ transformations: [{ kind: 'expression', name: 'x', expression: '$clsoe' }] },
			'transformations[0] (x):'
		],
		[
			{
				transformations: [
					{ kind: 'expression', name: 'x; DROP TABLE features', expression: '$close' }
				]
			},
			'transformations[0].name:'
		],
		[{ transformations: [] }, 'transformations:'],
		[
			{
				transformations: [
					{ kind: 'indicator', id: 'sma' },
					{ kind: 'indicator', id: 'sma' }
				]
			},
			'transformations[1]: column "sma_10" is produced twice'
		],
		[
			{ transformations: [{ kind: 'indicator', id: 'sma' }], columns: ['rsi_14'] },
			'columns: "rsi_14" is not an output'
		]
	])('refuses %j with a message naming the offender', (spec, message) => {
		const r = validatePipelineSpec(spec);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain(message);
	});
});

describe('specHash', () => {
	it('is the same for default params written out or left implicit, and for key order', async () => {
		const a = validated({ transformations: [{ kind: 'indicator', id: 'rsi' }] });
		const b = validated({ transformations: [{ params: { n: 14 }, id: 'rsi', kind: 'indicator' }] });
		expect(await specHash(a)).toBe(await specHash(b));
		expect(await specHash(a)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('changes when a param, the step order or the output columns change', async () => {
		const base = await specHash(validated());
		const other = validated({ ...SPEC, transformations: [...SPEC.transformations].reverse() });
		expect(await specHash(other)).not.toBe(base);
		const param = validated({
			...SPEC,
			transformations: [{ kind: 'indicator', id: 'sma', params: { n: 21 } }]
		});
		expect(await specHash(param)).not.toBe(base);
		expect(await specHash(validated({ ...SPEC, columns: ['sma_20'] }))).not.toBe(base);
	});
});

describe('runPipeline', () => {
	it('gives the registry indicator, the expression and the label column for column', () => {
		const table = runPipeline(series, validated());
		const sma = findIndicator('sma')!.compute(series, { n: 20 })[0];
		const mom = evaluate('$close / Ref($close, 5) - 1', series);
		expect(mom.ok).toBe(true);
		expect(table.columns[0]).toEqual(sma);
		expect(table.columns[6]).toEqual(mom.ok ? mom.value : null);
		expect(table.columns[7]).toEqual(forwardReturn(series.close, 3, 'log'));
		expect(table.labelCount).toBe(1);
	});

	it('reports the largest feature warm-up and leaves labels out of it', () => {
		const table = runPipeline(series, validated());
		expect(table.warmup).toBe(19);
		expect(Number.isNaN(table.columns[0][18])).toBe(true);
		expect(Number.isNaN(table.columns[0][19])).toBe(false);
		const rows = previewRows(table, 2, 2);
		expect(rows.map((r) => [r.index, r.warmup])).toEqual([
			[0, true],
			[1, true],
			[298, false],
			[299, false]
		]);
		expect(Number.isNaN(rows[3].values[7])).toBe(true); // the label's unknown future
	});

	it('keeps only the listed output columns, labels last', () => {
		const table = runPipeline(
			series,
			validated({ ...SPEC, columns: ['fwd_log_return_3', 'mom5'] })
		);
		expect(table.names).toEqual(['mom5', 'fwd_log_return_3']);
		expect(table.warmup).toBe(5);
	});
});

describe('runPipelineCancellable', () => {
	it('gives the same table as runPipeline when not cancelled', async () => {
		const signal = new AbortController().signal;
		const table = await runPipelineCancellable(series, validated(), { signal });
		expect(table).not.toBeNull();
		if (table) expectSameTable(runPipeline(series, validated()), table);
	});

	it('stops after the step during which an abort arrives through a MessagePort', async () => {
		// As in the data worker: the abort is a port message, delivered only between tasks.
		const controller = new AbortController();
		const { port1, port2 } = new MessageChannel();
		port2.onmessage = () => controller.abort();
		const done: number[] = [];
		const table = await runPipelineCancellable(series, validated(), {
			signal: controller.signal,
			onProgress: (k) => {
				done.push(k);
				if (k === 1) port1.postMessage('abort');
			}
		});
		port1.close();
		port2.close();
		expect(table).toBeNull();
		expect(done).toEqual([1]);
	});
});

function expectSameTable(a: FeatureTable, b: FeatureTable) {
	expect(b.names).toEqual(a.names);
	expect(Array.from(b.time)).toEqual(Array.from(a.time));
	// toEqual treats NaN as equal to NaN, so warm-up rows are compared too.
	a.columns.forEach((c, k) => expect(Array.from(b.columns[k])).toEqual(Array.from(c)));
}

describe('exports round-trip', () => {
	const table = runPipeline(series, validated());

	it('CSV writes NaN explicitly and reads back the same f64 numbers', () => {
		const csv = featureTableToCsv(table);
		expect(csv.split('\n')[1]).toMatch(/^\d{4}-\d\d-\d\dT00:00:00.000Z,NaN,NaN,/);
		const back = featureTableFromCsv(csv, { warmup: table.warmup, labelCount: 1 });
		expect(back.ok).toBe(true);
		if (back.ok) expectSameTable(table, back.value);
	});

	it('JSON writes null for NaN and reads back the same numbers', () => {
		const json = JSON.parse(JSON.stringify(featureTableToJson(table)));
		expect(json.columns.sma_20[0]).toBeNull();
		const back = featureTableFromJson(json);
		expectSameTable(table, back);
		expect(back.warmup).toBe(table.warmup);
	});

	it('Parquet writes null for NaN and keeps warm-up and label count in its metadata', async () => {
		const back = await featureTableFromParquet(featureTableToParquet(table));
		expectSameTable(table, back);
		expect([back.warmup, back.labelCount]).toEqual([table.warmup, 1]);
	});

	it('a broken CSV cell is an error naming its row and column', () => {
		const r = featureTableFromCsv(
			'time,a\n2024-01-01T00:00:00.000Z,1\n2024-01-02T00:00:00.000Z,x\n'
		);
		expect(r.ok ? null : r.message).toBe('row 3, column a: "x" is not a number');
	});
});

describe('correlationMatrix', () => {
	it('is 1 on the diagonal, ±1 for linear relations and NaN for constant columns', () => {
		const a = Float64Array.of(NaN, 1, 2, 3, 4);
		const b = Float64Array.of(NaN, 2, 4, 6, 8);
		const c = Float64Array.of(NaN, 4, 3, 2, 1);
		const d = Float64Array.of(NaN, 5, 5, 5, 5);
		const m = correlationMatrix([a, b, c, d], 1);
		expect(m[0][0]).toBeCloseTo(1, 12);
		expect(m[0][1]).toBeCloseTo(1, 12);
		expect(m[0][2]).toBeCloseTo(-1, 12);
		expect(m[1][2]).toBe(m[2][1]);
		expect(m[0][3]).toBeNaN();
	});
});
