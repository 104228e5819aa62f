import { describe, expect, it } from 'vitest';
import { computeMetrics, streamedMetrics } from './metrics';
import { simulate, simulateSummary, simulationBuffers } from './simulate';
import { randomCase } from './testing';

const PERIODS = 252;

describe('simulate into reused buffers', () => {
	it('writes the same bits as fresh arrays, whatever the buffers held before', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const { series, targets, config } = randomCase(seed);
			const fresh = simulate(series, targets, config);
			const buffers = simulationBuffers(targets.length);
			for (const a of Object.values(buffers)) a.fill(123.25);
			const reused = simulate(series, targets, config, buffers);
			expect(reused.equity).toBe(buffers.equity);
			expect([reused.equity, reused.returns, reused.units, reused.notional, reused.cash]).toEqual([
				fresh.equity,
				fresh.returns,
				fresh.units,
				fresh.notional,
				fresh.cash
			]);
			expect(reused.trades).toEqual(fresh.trades);
		}
	});

	it('rejects buffers of the wrong length, naming the array', () => {
		const { series, targets, config } = randomCase(3);
		const buffers = { ...simulationBuffers(targets.length), units: new Float64Array(2) };
		expect(() => simulate(series, targets, config, buffers)).toThrow(
			/buffers\.units holds 2 values/
		);
	});
});

describe('simulateSummary (no per-bar arrays)', () => {
	it('keeps the account, trades and halt of simulate, and its metrics agree with computeMetrics', () => {
		let halted = 0;
		for (let seed = 1; seed <= 120; seed++) {
			const { series, targets, config } = randomCase(seed);
			const full = simulate(series, targets, config);
			const summary = simulateSummary(series, targets, config);
			const where = `seed ${seed}`;
			expect([summary.finalEquity, summary.cash, summary.fees, summary.fills], where).toEqual([
				full.equity[full.equity.length - 1],
				full.cash,
				full.fees,
				full.fills
			]);
			expect(summary.trades, where).toEqual(full.trades);
			expect(summary.halt, where).toEqual(full.halt);
			if (full.halt) halted++;

			const m = computeMetrics(full, { periodsPerYear: PERIODS });
			const s = streamedMetrics(summary, PERIODS);
			// Same operations in the same order: exact.
			expect([s.totalReturn, s.maxDrawdown, s.exposure, s.turnover, s.trades], where).toEqual([
				m.totalReturn,
				m.maxDrawdown,
				m.exposure,
				m.turnover,
				m.trades
			]);
			// One pass of shifted sums vs two passes: equal to rounding.
			for (const key of ['sharpe', 'annualizedVolatility'] as const) {
				if (m[key] === null) expect(s[key], `${where} ${key}`).toBeNull();
				else
					expect(Math.abs(s[key]! - m[key]!), `${where} ${key}`).toBeLessThanOrEqual(
						1e-10 * Math.max(1, Math.abs(m[key]!))
					);
			}
		}
		// The random configs include risk limits: some runs halt, and the summary saw that too.
		expect(halted).toBeGreaterThan(0);
	});

	it('gives null ratios for a flat account, as the array metrics do', () => {
		const { series } = randomCase(5);
		const flatTargets = new Float64Array(series.close.length);
		const s = streamedMetrics(simulateSummary(series, flatTargets, {}), PERIODS);
		expect([s.totalReturn, s.sharpe, s.annualizedVolatility, s.maxDrawdown, s.exposure]).toEqual([
			0,
			null,
			null,
			0,
			0
		]);
	});
});
