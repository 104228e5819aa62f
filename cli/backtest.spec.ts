import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DATASET = 'static/datasets/ttrc_daily_ohlcv.csv';
const SIGNAL = 'Mean($close, 5) / Mean($close, 20) - 1';
const dir = mkdtempSync(join(tmpdir(), 'axon-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const axon = (...args: string[]) =>
	spawnSync(process.execPath, ['cli/axon.mjs', ...args], { encoding: 'utf8', timeout: 90_000 });

describe('axon backtest and axon montecarlo (spawned as a process)', () => {
	it('axon --help lists backtest and montecarlo', () => {
		const help = axon('--help');
		expect(help.status).toBe(0);
		expect(help.stdout).toMatch(/axon backtest --input <bars.csv> --signal <expr>/);
		expect(help.stdout).toMatch(/axon montecarlo --input <bars.csv> \[--paths 10000\]/);
	});

	it('axon backtest prints every metric, a finite Sharpe and the PSR verdict, and writes the trades', () => {
		const out = join(dir, 'trades.csv');
		const run = axon('backtest', '-i', DATASET, '--signal', SIGNAL, '--output', out);
		expect(run.status, run.stderr).toBe(0);
		for (const name of [
			'total return',
			'CAGR',
			'Sharpe',
			'Sortino',
			'max drawdown',
			'trades',
			'win rate',
			'exposure',
			'PSR'
		])
			expect(run.stdout).toContain(name);
		const sharpe = Number(/^Sharpe\s+(\S+)$/m.exec(run.stdout)?.[1]);
		expect(Number.isFinite(sharpe)).toBe(true);
		expect(run.stdout).toMatch(/^verdict: .+\(PSR \d\.\d\d, one trial\)$/m);
		const trades = Number(/^trades\s+(\d+)$/m.exec(run.stdout)?.[1]);
		const rows = readFileSync(out, 'utf8').trim().split('\n');
		expect(rows[0]).toBe(
			'side,entry_time,entry_price,exit_time,exit_price,units,pnl,fees,bars_held,exit_reason'
		);
		expect(rows).toHaveLength(trades + 1);
		expect(rows[1]).toMatch(/^(long|short),\d{4}-\d\d-\d\d,/);
	});

	it('axon backtest with a stop-loss reports stop_loss exits in the trade list', () => {
		const out = join(dir, 'stops.csv');
		const run = axon('backtest', '-i', DATASET, '-s', SIGNAL, '--stop-loss', '0.02', '-o', out);
		expect(run.status, run.stderr).toBe(0);
		expect(readFileSync(out, 'utf8')).toMatch(/,stop_loss\n/);
	});

	it('axon backtest with a bad expression exits 2, names the column and writes nothing', () => {
		const out = join(dir, 'never.csv');
		const run = axon('backtest', '-i', DATASET, '--signal', 'Mean($close, 5', '-o', out);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/--signal: expected '\)' at column 15/);
		expect(run.stdout).toBe('');
		expect(existsSync(out)).toBe(false);
	});

	it('axon backtest and montecarlo with a missing input file exit 1 with a clear message', () => {
		const out = join(dir, 'never.csv');
		const backtest = axon('backtest', '-i', join(dir, 'nope.csv'), '-s', SIGNAL, '-o', out);
		expect(backtest.status).toBe(1);
		expect(backtest.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
		expect(existsSync(out)).toBe(false);
		const montecarlo = axon('montecarlo', '-i', join(dir, 'nope.csv'));
		expect(montecarlo.status).toBe(1);
		expect(montecarlo.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
	});

	it('axon montecarlo prints the distribution table and the seed; the same seed prints the same output', () => {
		const args = ['montecarlo', '-i', DATASET, '--paths', '500', '--steps', '100', '--seed', '7'];
		const first = axon(...args);
		expect(first.status, first.stderr).toBe(0);
		expect(first.stdout).toMatch(/^metric\s+mean\s+std\s+p5\s+p50\s+p95$/m);
		expect(first.stdout).toMatch(/^final return\s+-?\d+\.\d\d%/m);
		expect(first.stdout).toMatch(/^max drawdown\s+\d+\.\d\d%/m);
		expect(first.stdout).toMatch(/^Sharpe\s+-?\d+\.\d\d/m);
		expect(first.stdout).toMatch(/^probability of ruin .*: \d+\.\d\d%$/m);
		expect(first.stdout).toMatch(/^seed: 7$/m);
		expect(first.stdout).toMatch(/^500 paths × 100 steps/m);
		expect(axon(...args).stdout).toBe(first.stdout);
		expect(axon(...args.slice(0, -1), '8').stdout).not.toBe(first.stdout);
	});
});
