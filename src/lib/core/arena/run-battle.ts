import { autoHistogram } from '../montecarlo/histogram';
import { equityFan } from '../montecarlo/equity-fan';
import type { OhlcvSeries } from '../ohlcv';
import { err, ok, type Result } from '../result';
import type {
	BattleConfig,
	BattleOutcome,
	BattleProgress,
	ContenderOutcome,
	TradeMarker
} from './battle-types';
import {
	beatsBenchmark,
	finiteVariance,
	gridOverfitting,
	periodSharpe,
	sharpeInference
} from './battle-statistics';
import { buyAndHoldContender } from './buy-and-hold-contender';
import { trialsOf, type Contender } from './contender';
import { computeMetrics } from './metrics';
import {
	simulate,
	simulationBuffers,
	type SimulationBuffers,
	type SimulationResult
} from './simulate';
import { sliceSeries } from './slice-series';
import { tradeList } from './trade-log';
import { walkForwardWindows, type WalkForwardWindow } from './walk-forward';

export interface RunBattleOptions {
	signal?: AbortSignal;
	onProgress?: (p: BattleProgress) => void;
}

/** Lets an abort message (and the page) through between units of work. */
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A battle session: every contender trades the same bars under the same execution model, walk-forward.
 *
 * For each window, a contender with a grid trades each candidate on the training bars and keeps the
 * one with the highest in-sample Sharpe ratio (first on ties; NaN loses) for the test bars; the test
 * parts stitch into one out-of-sample target series, simulated once, so positions carry across
 * window edges as they would live. Buy & hold is added when no contender is the benchmark.
 *
 * Then the statistics that keep the leaderboard honest: PSR, DSR with trials = Σ grid sizes over all
 * contenders and the variance of all those trials' out-of-sample Sharpe ratios, a stationary-bootstrap
 * interval of each Sharpe, PBO by CSCV over each grid (every candidate traded over the whole
 * out-of-sample range), Hansen's SPA p-value for "the best contender beats buy-and-hold", a
 * Monte-Carlo fan and a return histogram per contender.
 *
 * Reports progress after each (window, contender) and checks the signal between them: an abort
 * returns `{ ok: false, code: 'cancelled' }`. A bad config or bar is `bad_input`.
 *
 * @example
 * const r = await runBattle(series, [sma, rsi], { walkForward: { windows: 4, trainBars: 500, mode: 'rolling' },
 * 	execution: { fees: { bps: 5 } }, periodsPerYear: 252, seed: 1 });
 */
export async function runBattle(
	series: OhlcvSeries,
	contenders: readonly Contender[],
	config: BattleConfig,
	options: RunBattleOptions = {}
): Promise<Result<BattleOutcome>> {
	const { signal, onProgress } = options;
	const level = config.level ?? 0.95;
	const resamples = config.resamples ?? 500;
	let windows: WalkForwardWindow[];
	try {
		windows = walkForwardWindows(series.close.length, config.walkForward);
	} catch (e) {
		return err('bad_input', (e as Error).message);
	}
	const benchmark = contenders.find((c) => c.kind === 'buy_and_hold') ?? buyAndHoldContender();
	const all = contenders.includes(benchmark) ? [...contenders] : [...contenders, benchmark];
	const ids = new Set(all.map((c) => c.id));
	if (ids.size !== all.length) return err('bad_input', 'Two contenders share an id; rename one.');

	const start = windows[0].testStart;
	const end = windows[windows.length - 1].testEnd;
	const oos = sliceSeries(series, start, end);
	const simulateOn = (
		s: OhlcvSeries,
		targets: Float64Array,
		buffers?: SimulationBuffers
	): SimulationResult => simulate(s, targets, config.execution, buffers);

	try {
		const stitched = all.map(() => new Float64Array(end - start));
		const chosen: string[][] = all.map(() => []);
		const units = windows.length * all.length;
		for (let w = 0; w < windows.length; w++) {
			const win = windows[w];
			const train = sliceSeries(series, win.trainStart, win.trainEnd);
			// Grid candidates are scored one after another on the same bars: one set of output arrays.
			const trainBuffers = simulationBuffers(train.close.length);
			for (let c = 0; c < all.length; c++) {
				if (signal?.aborted) return err('cancelled', 'The session was cancelled.');
				const contender = all[c];
				let pick = contender;
				if (contender.candidates && contender.candidates.length > 0) {
					let best = -Infinity;
					pick = contender.candidates[0];
					for (const candidate of contender.candidates) {
						const t = candidate.targets(series, { start: win.trainStart, end: win.trainEnd });
						const sharpe = periodSharpe(simulateOn(train, t, trainBuffers).returns);
						if (sharpe > best) {
							best = sharpe;
							pick = candidate;
						}
					}
				}
				stitched[c].set(
					pick.targets(series, { start: win.testStart, end: win.testEnd }),
					win.testStart - start
				);
				chosen[c].push(pick.label);
				onProgress?.({
					phase: 'fit',
					fraction: (0.7 * (w * all.length + c + 1)) / units,
					message: `Window ${w + 1}/${windows.length}: ${contender.label} → ${pick.label}`
				});
				await yieldTurn();
			}
		}

		// Every trial over the whole out-of-sample range: the DSR's Sharpe variance and the PBO grids.
		const trialSharpes: number[] = [];
		const gridReturns: (Float64Array[] | null)[] = [];
		for (const contender of all) {
			if (signal?.aborted) return err('cancelled', 'The session was cancelled.');
			const family = contender.candidates?.length ? contender.candidates : [contender];
			const columns = family.map((k) => simulateOn(oos, k.targets(series, { start, end })).returns);
			for (const r of columns) trialSharpes.push(periodSharpe(r));
			gridReturns.push(family.length > 1 ? columns : null);
		}
		const trials = all.reduce((n, c) => n + trialsOf(c), 0);
		const trialSharpeVariance = finiteVariance(trialSharpes);
		onProgress?.({
			phase: 'evaluate',
			fraction: 0.75,
			message: 'Trading the stitched out-of-sample targets'
		});
		await yieldTurn();

		const results = stitched.map((t) => simulateOn(oos, t));
		const benchIndex = all.indexOf(benchmark);
		const outcomes: ContenderOutcome[] = [];
		for (let c = 0; c < all.length; c++) {
			if (signal?.aborted) return err('cancelled', 'The session was cancelled.');
			const contender = all[c];
			const result = results[c];
			const seed = config.seed + c;
			const inference = sharpeInference(result.returns, {
				trials,
				trialSharpeVariance,
				periodsPerYear: config.periodsPerYear,
				resamples,
				seed,
				level
			});
			const grid = gridReturns[c];
			outcomes.push({
				id: contender.id,
				label: contender.label,
				kind: contender.kind,
				trials: trialsOf(contender),
				chosen: chosen[c],
				equity: result.equity,
				drawdown: drawdownOf(result.equity, result.initialCash),
				returns: result.returns,
				metrics: computeMetrics(result, {
					periodsPerYear: config.periodsPerYear,
					benchmark: results[benchIndex].returns
				}),
				sharpeCi: inference.ci,
				psr: inference.psr,
				dsr: inference.dsr,
				verdict: inference.verdict,
				pbo: grid
					? gridOverfitting(columnMajorToRows(grid), oos.close.length, grid.length, level)
					: null,
				fan: equityFan(result.returns, { paths: config.fanPaths ?? 200, seed }),
				histogram: autoHistogram(result.returns),
				trades: markersOf(result),
				halt: result.halt
			});
			onProgress?.({
				phase: 'stats',
				fraction: 0.75 + (0.25 * (c + 1)) / all.length,
				message: `Statistics for ${contender.label}`
			});
			await yieldTurn();
		}
		const challengers = outcomes.filter((_, i) => i !== benchIndex);
		const spa = beatsBenchmark(challengers, outcomes[benchIndex], {
			resamples,
			seed: config.seed,
			level
		});
		return ok({
			windows,
			start,
			end,
			time: oos.time.slice(),
			open: oos.open.slice(),
			high: oos.high.slice(),
			low: oos.low.slice(),
			close: oos.close.slice(),
			contenders: outcomes,
			trials,
			benchmarkId: benchmark.id,
			spa
		});
	} catch (e) {
		return err('bad_input', e instanceof Error ? e.message : String(e));
	}
}

/** equity / running peak − 1 (≤ 0), with the initial cash as the first peak. */
export function drawdownOf(equity: Float64Array, initialCash: number): Float64Array {
	let peak = initialCash;
	return equity.map((e) => {
		if (e > peak) peak = e;
		return e / peak - 1;
	});
}

function columnMajorToRows(columns: Float64Array[]): Float64Array {
	const T = columns[0].length;
	const N = columns.length;
	const m = new Float64Array(T * N);
	for (let n = 0; n < N; n++) for (let t = 0; t < T; t++) m[t * N + n] = columns[n][t];
	return m;
}

function markersOf(result: SimulationResult): TradeMarker[] {
	return tradeList(result.trades).map((t) => ({
		side: t.side,
		entryBar: t.entryBar,
		exitBar: t.exitBar,
		entryPrice: t.entryPrice,
		exitPrice: t.exitPrice,
		pnl: t.pnl
	}));
}
