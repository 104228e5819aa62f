import type { BattleSessionCreate, BattleStanding } from '../protocol';
import type { BattleConfig, BattleOutcome } from './battle-types';

const orNull = (x: number | null | undefined): number | null =>
	x === null || x === undefined || !Number.isFinite(x) ? null : x;

/**
 * The edge copy of a finished session: the leaderboard and headline metrics only (curves stay in
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
				: null
		},
		metrics
	};
}
