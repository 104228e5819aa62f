// `axon features --spec`: the feature-pipeline runner from the command line, spawned as a process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOhlcvCsv } from '../src/lib/core/data/parse-ohlcv-csv';
import { findIndicator } from '../src/lib/core/indicators/registry';
import { featureTableFromCsv, featureTableFromParquet } from '../src/lib/core/pipelines';

const DATASET = 'static/datasets/ttrc_daily_ohlcv.csv';
const dir = mkdtempSync(join(tmpdir(), 'axon-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const axon = (...args: string[]) =>
	spawnSync(process.execPath, ['cli/axon.mjs', ...args], { encoding: 'utf8', timeout: 90_000 });

function writeSpec(name: string, spec: unknown): string {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(spec));
	return path;
}

const SPEC = {
	transformations: [
		{ kind: 'indicator', id: 'rsi', params: { n: 14 } },
		{ kind: 'expression', name: 'ratio', expression: 'Mean($close, 5) / $close' }
	]
};

describe('axon features --spec', () => {
	it('writes the registry indicator and the expression as CSV, NaN warm-up explicit', () => {
		const out = join(dir, 'out.csv');
		const run = axon(
			'features',
			'--input',
			DATASET,
			'--spec',
			writeSpec('s.json', SPEC),
			'--output',
			out
		);
		expect(run.status).toBe(0);
		expect(run.stderr).toMatch(/wrote 5550 rows × 2 columns .* \(warm-up 14 rows\)/);
		const table = featureTableFromCsv(readFileSync(out, 'utf8'));
		if (!table.ok) throw new Error(table.message);
		expect(table.value.names).toEqual(['rsi_14', 'ratio']);
		const parsed = parseOhlcvCsv(readFileSync(DATASET, 'utf8'), { symbol: 'TTRC' });
		if (!parsed.ok) throw new Error(parsed.message);
		const rsi = findIndicator('rsi')!.compute(parsed.value.series, { n: 14 })[0];
		expect(Array.from(table.value.columns[0])).toEqual(Array.from(rsi));
	});

	it('writes Parquet when the output ends in .parquet', async () => {
		const out = join(dir, 'out.parquet');
		expect(
			axon('features', '-i', DATASET, '--spec', writeSpec('p.json', SPEC), '-o', out).status
		).toBe(0);
		const bytes = readFileSync(out);
		const table = await featureTableFromParquet(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
		);
		expect(table.names).toEqual(['rsi_14', 'ratio']);
		expect(table.warmup).toBe(14);
	});

	it('refuses a bad spec naming the transformation, exits 1 and writes nothing', () => {
		const out = join(dir, 'bad.csv');
		const spec = writeSpec('bad.json', {
			transformations: [{ kind: 'expression', name: 'x', expression: 'Mean($close, )' }]
		});
		const run = axon('features', '-i', DATASET, '--spec', spec, '-o', out);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('transformations[0] (x):');
		expect(existsSync(out)).toBe(false);
	});

	it('refuses --spec together with --features as a usage error', () => {
		const run = axon(
			'features',
			'-i',
			DATASET,
			'--spec',
			's.json',
			'--features',
			'ema_12',
			'-o',
			'x.csv'
		);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('--spec or --features, not both');
	});
});
