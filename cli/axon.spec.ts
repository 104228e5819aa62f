import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFeaturesCpu, DEFAULT_FEATURES } from '../src/lib/core/features';
import type { OhlcvSeries } from '../src/lib/core/ohlcv';

const DATASET = 'static/datasets/ttrc_daily_ohlcv.csv';
const dir = mkdtempSync(join(tmpdir(), 'axon-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const axon = (...args: string[]) =>
	spawnSync(process.execPath, ['cli/axon.mjs', ...args], { encoding: 'utf8', timeout: 90_000 });

/** The TTRC close prices, read with a plain split (the CLI itself uses the real parser). */
function ttrcSeries(): OhlcvSeries {
	const lines = readFileSync(DATASET, 'utf8').trim().split('\n').slice(1);
	const close = Float64Array.from(lines, (l) => Number(l.split(',')[4]));
	const time = Float64Array.from(lines, (l) => Date.parse(l.split(',')[0].replaceAll('"', '')));
	return { symbol: 'TTRC', time, open: close, high: close, low: close, close, volume: close };
}

const readCsv = (path: string) =>
	readFileSync(path, 'utf8')
		.trim()
		.split('\n')
		.map((l) => l.split(','));

describe('axon (spawned as a process)', () => {
	it('axon --help prints usage and exits 0; axon --version prints the package version', () => {
		const help = axon('--help');
		expect(help.status).toBe(0);
		expect(help.stdout).toMatch(/axon features --input <bars.csv> --output <features.csv>/);
		const version = axon('--version');
		expect(version.stdout.trim()).toBe(
			`axon ${JSON.parse(readFileSync('package.json', 'utf8')).version}`
		);
	});

	it('axon features --cpu writes the CPU twin values for the TTRC dataset, empty during warm-up', () => {
		const out = join(dir, 'cpu.csv');
		const run = axon('features', '--input', DATASET, '--output', out, '--cpu');
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/engine: CPU \(--cpu given\)/);
		const rows = readCsv(out);
		expect(rows[0]).toEqual([
			'timestamp',
			'log_return',
			'rolling_mean_20_log_return',
			'rolling_std_20_log_return',
			'ema_12',
			'ema_26'
		]);
		expect(rows).toHaveLength(5551);
		expect(rows[1]).toEqual(['1985-01-02', '', '', '', '', '']);
		const expected = computeFeaturesCpu(ttrcSeries(), DEFAULT_FEATURES);
		for (const i of [1, 20, 25, 26, 5549]) {
			expected.columns.forEach((column, k) => {
				const cell = rows[i + 1][k + 1];
				if (Number.isNaN(column[i])) expect(cell).toBe('');
				else expect(Math.fround(Number(cell))).toBe(column[i]);
			});
		}
	});

	it('axon features says which engine ran and writes the same table shape', () => {
		const out = join(dir, 'auto.csv');
		const run = axon('features', '-i', DATASET, '-o', out, '-f', 'log_return,ema_12');
		expect(run.status, run.stderr).toBe(0);
		// CI has SwiftShader, so WebGPU is expected there; a machine with no adapter at all says CPU.
		expect(run.stderr).toMatch(/engine: (WebGPU on .+|CPU \(.+\))/);
		if (/WebGPU on .*swiftshader/i.test(run.stderr))
			expect(run.stderr).toMatch(/software fallback/);
		const rows = readCsv(out);
		expect(rows[0]).toEqual(['timestamp', 'log_return', 'ema_12']);
		expect(rows).toHaveLength(5551);
		expect(rows[12][2]).not.toBe('');
		expect(rows[11][2]).toBe('');
	});

	it('axon features on a bad file exits 1 with the row at fault and writes no output', () => {
		const input = join(dir, 'bad.csv');
		const out = join(dir, 'bad-out.csv');
		writeFileSync(input, 'date,close\n2024-01-02,101.5\n2024-01-03,abc\n');
		const run = axon('features', '-i', input, '-o', out, '--cpu');
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/row 3: close is "abc", not a number/);
		expect(run.stderr).toMatch(/No output written/);
		expect(existsSync(out)).toBe(false);
	});

	it('axon features with a missing input file or an unknown feature exits nonzero and writes nothing', () => {
		const out = join(dir, 'never.csv');
		const missing = axon('features', '-i', join(dir, 'nope.csv'), '-o', out);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
		const unknown = axon('features', '-i', DATASET, '-o', out, '-f', 'rsi_14');
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(/Unknown feature "rsi_14"/);
		expect(existsSync(out)).toBe(false);
	});
});
