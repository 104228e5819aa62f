import {
	MAX_EQUITY_POINTS,
	type BattleEquity,
	type BattleSessionCreate,
	type BattleStanding
} from '../protocol';
import type { BattleConfig, BattleOutcome } from './battle-types';

const orNull = (x: number | null | undefined): number | null =>
	x === null || x === undefined || !Number.isFinite(x) ? null : x;

/**
 * The edge copy of a finished session: the leaderboard and headline metrics, equity curves
 * downsampled to at most `MAX_EQUITY_POINTS` (full curves, drawdowns, fans and trades stay in
 * IndexedDB), plus one `performance_metrics` row per contender and metric (`<id>:<metric>`).
 *
 * @example
 * const body = battleToProtocol({ name, dataset, config, outcome, durationSeconds: 4 });
 */
export function battleToProtocol(input: {
	name: string;
	dataset: { name: string; contentHash?: string; rows: number };
	config: BattleConfig;
	outcome: BattleOutcome;
	durationSeconds: number;
}): BattleSessionCreate {
	const { config, outcome } = input;
	const x = config.execution;
	const standings: BattleStanding[] = outcome.contenders.map((c) => ({
		id: c.id,
		label: c.label,
		kind: c.kind,
		trials: c.trials,
		total_return: orNull(c.metrics.totalReturn),
		sharpe: orNull(c.metrics.sharpe),
		sharpe_ci:
			Number.isFinite(c.sharpeCi.lower) && Number.isFinite(c.sharpeCi.upper)
				? [c.sharpeCi.lower, c.sharpeCi.upper]
				: null,
		max_drawdown: orNull(c.metrics.maxDrawdown),
		trades: c.metrics.trades,
		psr: orNull(c.psr),
		dsr: orNull(c.dsr),
		pbo: orNull(c.pbo?.pbo),
		verdict: c.verdict.slice(0, 500)
	}));
	const metrics = outcome.contenders.flatMap((c) =>
		(
			[
				['total_return', c.metrics.totalReturn],
				['sharpe', c.metrics.sharpe],
				['max_drawdown', c.metrics.maxDrawdown],
				['psr', c.psr],
				['dsr', c.dsr]
			] as const
		)
			.filter(([, v]) => v !== null && Number.isFinite(v))
			.map(([name, value]) => ({
				name: `${c.id}:${name}`.slice(0, 200),
				value: value as number,
				step: 0
			}))
	);
	return {
		name: input.name,
		models_tested: outcome.contenders.map((c) => c.id),
		status: 'completed',
		duration_seconds: Math.round(input.durationSeconds),
		risk_limits: {
			max_drawdown: x.risk?.maxDrawdown,
			daily_loss: x.risk?.dailyLoss,
			max_exposure: x.risk?.maxExposure,
			stop_loss: x.stops?.stopLoss,
			take_profit: x.stops?.takeProfit,
			max_leverage: x.maxLeverage,
			fee_bps: x.fees?.bps,
			slippage_bps: x.slippage?.bps
		},
		config: {
			dataset: {
				name: input.dataset.name.slice(0, 200),
				...(input.dataset.contentHash ? { content_hash: input.dataset.contentHash } : {}),
				rows: input.dataset.rows
			},
			windows: config.walkForward.windows,
			train_bars: config.walkForward.trainBars,
			mode: config.walkForward.mode,
			fill: x.fill ?? 'next_open',
			lag: x.lag ?? 1,
			allow_short: x.allowShort ?? true,
			periods_per_year: config.periodsPerYear,
			seed: config.seed
		},
		results: {
			standings,
			trials: outcome.trials,
			bars: outcome.end - outcome.start,
			spa: outcome.spa
				? {
						p_value: outcome.spa.pValue,
						verdict: outcome.spa.verdict.slice(0, 500),
						best: outcome.spa.best
					}
				: null,
			equity: downsampledEquity(outcome)
		},
		metrics
	};
}

/**
 * Values across all curves of the edge copy: with many contenders each curve gets fewer points, so
 * the session stays well inside the edge's 256 KiB JSON body limit (64 curves × 128 points).
 */
const EQUITY_VALUE_BUDGET = 8192;

/**
 * Every k-th bar of each out-of-sample equity curve (k so that each curve has at most
 * min(MAX_EQUITY_POINTS, budget / curves) points), the last bar always kept, values rounded to 7
 * significant digits (a chart's resolution; the full curves stay in IndexedDB).
 */
export function downsampledEquity(
	outcome: {
		time: Float64Array;
		contenders: readonly Pick<BattleOutcome['contenders'][number], 'id' | 'equity'>[];
	},
	maxPoints = Math.min(
		MAX_EQUITY_POINTS,
		Math.max(32, Math.floor(EQUITY_VALUE_BUDGET / Math.max(1, outcome.contenders.length)))
	)
): BattleEquity {
	const n = outcome.time.length;
	const k = Math.max(1, Math.ceil(n / (maxPoints - 1)));
	const picks: number[] = [];
	for (let i = 0; i < n; i += k) picks.push(i);
	if (n > 0 && picks[picks.length - 1] !== n - 1) picks.push(n - 1);
	return {
		time: picks.map((i) => outcome.time[i]),
		series: outcome.contenders.map((c) => ({
			id: c.id,
			// A ruined account can end at −∞ or NaN; the edge stores finite numbers only.
			values: picks.map((i) =>
				Number.isFinite(c.equity[i]) ? Number(c.equity[i].toPrecision(7)) : 0
			)
		}))
	};
}
