/**
 * Battle sessions and their performance metrics as the edge stores them (issue #6). Part of the one
 * protocol module (`$lib/core/protocol`): the edge validates every request with these schemas and the
 * browser parses every response with them.
 */
import { z } from 'zod';

const finite = z.number().finite();
const shortText = z.string().trim().min(1).max(200);
const contenderId = z.string().min(1).max(200);

export const BATTLE_STATUSES = ['active', 'paused', 'completed', 'cancelled'] as const;
export const BattleStatus = z.enum(BATTLE_STATUSES);
export type BattleStatus = z.infer<typeof BattleStatus>;

/** Risk limits and execution costs of a session (fractions; bps for costs). */
export const BattleRiskLimits = z.object({
	max_drawdown: finite.gt(0).lt(1).optional(),
	daily_loss: finite.gt(0).lt(1).optional(),
	max_exposure: finite.gt(0).optional(),
	stop_loss: finite.gt(0).lt(1).optional(),
	take_profit: finite.gt(0).optional(),
	max_leverage: finite.gt(0).max(100).optional(),
	fee_bps: finite.min(0).max(10_000).optional(),
	slippage_bps: finite.min(0).max(10_000).optional()
});
export type BattleRiskLimits = z.infer<typeof BattleRiskLimits>;

/** How the session was run: data, walk-forward windows and the execution model. */
export const BattleConfigDoc = z.object({
	dataset: z.object({
		name: shortText,
		content_hash: z
			.string()
			.regex(/^[0-9a-f]{64}$/)
			.optional(),
		rows: z.number().int().min(0)
	}),
	windows: z.number().int().min(1).max(100),
	train_bars: z.number().int().min(2),
	mode: z.enum(['anchored', 'rolling']),
	fill: z.enum(['next_open', 'close', 'vwap_proxy']),
	lag: z.number().int().min(0).max(100),
	allow_short: z.boolean(),
	periods_per_year: finite.positive(),
	seed: z.number().int()
});
export type BattleConfigDoc = z.infer<typeof BattleConfigDoc>;

/** One leaderboard row: the headline metrics and the honest statistics behind them. */
export const BattleStanding = z.object({
	id: contenderId,
	label: shortText,
	kind: z.enum(['expression', 'buy_and_hold', 'experiment', 'onnx', 'native', 'ensemble']),
	trials: z.number().int().min(1),
	total_return: finite.nullable(),
	sharpe: finite.nullable(),
	sharpe_ci: z.tuple([finite, finite]).nullable(),
	max_drawdown: finite.nullable(),
	trades: z.number().int().min(0),
	psr: finite.nullable(),
	dsr: finite.nullable(),
	pbo: finite.nullable(),
	verdict: z.string().max(500)
});
export type BattleStanding = z.infer<typeof BattleStanding>;

/** At most this many points per equity curve in the edge copy (enough to draw, small to store). */
export const MAX_EQUITY_POINTS = 256;

/**
 * Out-of-sample equity curves, downsampled (every k-th bar, the last always kept), for pages that
 * show a shared session without the browser's full records. Optional: older sessions have none.
 */
export const BattleEquity = z.object({
	time: z.array(finite).max(MAX_EQUITY_POINTS),
	series: z
		.array(z.object({ id: contenderId, values: z.array(finite).max(MAX_EQUITY_POINTS) }))
		.max(64)
});
export type BattleEquity = z.infer<typeof BattleEquity>;

export const BattleResults = z.object({
	standings: z.array(BattleStanding).max(64),
	trials: z.number().int().min(1),
	bars: z.number().int().min(0),
	spa: z
		.object({ p_value: finite, verdict: z.string().max(500), best: z.string().max(200).nullable() })
		.nullable(),
	equity: BattleEquity.optional()
});
export type BattleResults = z.infer<typeof BattleResults>;

/** A metric row of `performance_metrics` tied to a session: e.g. `sma-cross:sharpe`, step 0. */
export const BattleMetric = z.object({
	name: z.string().min(1).max(200),
	value: finite,
	step: z.number().int().min(0).default(0)
});
export type BattleMetric = z.infer<typeof BattleMetric>;

/** `POST /api/v1/battle-arena/sessions`. */
export const BattleSessionCreate = z.object({
	name: shortText,
	models_tested: z.array(contenderId).min(1).max(64),
	status: BattleStatus.default('completed'),
	duration_seconds: z.number().int().min(0).max(10_000_000).nullable().default(null),
	risk_limits: BattleRiskLimits.default({}),
	config: BattleConfigDoc,
	results: BattleResults.nullable().default(null),
	metrics: z.array(BattleMetric).max(2000).default([])
});
export type BattleSessionCreate = z.input<typeof BattleSessionCreate>;
export type BattleSessionCreateParsed = z.output<typeof BattleSessionCreate>;

export const BattleSession = z.object({
	id: z.string().min(1).max(64),
	owner_id: z.string(),
	name: z.string(),
	models_tested: z.array(z.string()),
	status: BattleStatus,
	duration_seconds: z.number().int().nullable(),
	risk_limits: BattleRiskLimits,
	config: BattleConfigDoc,
	results: BattleResults.nullable(),
	created_at: z.string(),
	updated_at: z.string()
});
export type BattleSession = z.infer<typeof BattleSession>;

/** `GET /api/v1/battle-arena/sessions/{id}`: the session with its metric rows. */
export const BattleSessionDetail = BattleSession.extend({ metrics: z.array(BattleMetric) });
export type BattleSessionDetail = z.infer<typeof BattleSessionDetail>;

export const BattleSessionListQuery = z.object({
	limit: z.coerce.number().int().min(1).max(100).default(20),
	status: BattleStatus.optional()
});
export type BattleSessionListQuery = z.infer<typeof BattleSessionListQuery>;

export const BattleSessionList = z.object({ items: z.array(BattleSession) });
export type BattleSessionList = z.infer<typeof BattleSessionList>;

// ---------------------------------------------------------------- reproduce (share page → session form)

/**
 * What "reproduce in my browser" carries from a shared battle to `/battle-arena?…`: the session's
 * config, its seed, the contenders by id, and the data's content hash. URL params are a trust
 * boundary: the form parses them with this schema and ignores anything invalid.
 */
export const BattleReproduceParams = z.object({
	name: shortText,
	windows: z.coerce.number().int().min(1).max(100),
	train_bars: z.coerce.number().int().min(2),
	mode: z.enum(['anchored', 'rolling']),
	fill: z.enum(['next_open', 'close', 'vwap_proxy']),
	lag: z.coerce.number().int().min(0).max(100),
	allow_short: z.enum(['0', '1']).transform((v) => v === '1'),
	seed: z.coerce.number().int(),
	contenders: z
		.string()
		.max(4000)
		.transform((v) => v.split(',').filter(Boolean)),
	content_hash: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.optional()
});
export type BattleReproduceParams = z.output<typeof BattleReproduceParams>;

/** The query string that reproduces a shared session's run (see `BattleReproduceParams`). */
export function battleReproduceQuery(
	b: Pick<BattleSession, 'name' | 'models_tested' | 'config'>
): string {
	const c = b.config;
	return new URLSearchParams({
		reproduce: '1',
		name: b.name,
		windows: String(c.windows),
		train_bars: String(c.train_bars),
		mode: c.mode,
		fill: c.fill,
		lag: String(c.lag),
		allow_short: c.allow_short ? '1' : '0',
		seed: String(c.seed),
		contenders: b.models_tested.join(','),
		...(c.dataset.content_hash ? { content_hash: c.dataset.content_hash } : {})
	}).toString();
}

/** The reproduce request in a URL, or null when there is none or it does not validate. */
export function parseBattleReproduce(search: URLSearchParams): BattleReproduceParams | null {
	if (search.get('reproduce') !== '1') return null;
	const r = BattleReproduceParams.safeParse(Object.fromEntries(search));
	return r.success ? r.data : null;
}
