/**
 * The foundation's schemas: roles, experiments, sign-in, errors, live frames. Part of the one protocol
 * module (`$lib/core/protocol`), which re-exports every area file in this folder.
 */
import { z } from 'zod';

export const ROLES = ['researcher', 'data_engineer', 'ai_architect', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const EXPERIMENT_STATUSES = ['created', 'running', 'completed', 'failed', 'paused'] as const;
export const ExperimentStatus = z.enum(EXPERIMENT_STATUSES);
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

const shortText = z.string().trim().min(1).max(200);
const finite = z.number().finite();

/** Free-form JSON config objects are bounded: at most 64 keys, checked again for size by the edge. */
const configObject = z
	.record(z.string().max(100), z.unknown())
	.refine((o) => Object.keys(o).length <= 64, 'at most 64 keys');

/** Where the data came from and exactly which bytes: reproducibility needs the content hash. */
export const DataConfig = z.object({
	dataset: shortText,
	source: z.string().max(500).optional(),
	content_hash: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex'),
	rows: z.number().int().nonnegative(),
	features: z.array(shortText).max(256),
	train_fraction: finite.gt(0).lt(1)
});
export type DataConfig = z.infer<typeof DataConfig>;

export const ModelConfig = z.object({
	model_type: z.enum(['gru', 'lstm']),
	window: z.number().int().min(2).max(512),
	units: z.number().int().min(1).max(1024),
	extra: configObject.optional()
});
export type ModelConfig = z.infer<typeof ModelConfig>;

export const TrainingConfig = z.object({
	seed: z
		.number()
		.int()
		.min(0)
		.max(2 ** 32 - 1),
	epochs: z.number().int().min(1).max(10_000),
	batch_size: z.number().int().min(1).max(65_536),
	learning_rate: finite.gt(0).max(10),
	backend: z.string().max(50)
});
export type TrainingConfig = z.infer<typeof TrainingConfig>;

export const BacktestConfig = z.object({
	threshold: finite.min(0),
	fee_bps: finite.min(0).max(10_000),
	periods_per_year: z.number().int().min(1).max(1_000_000)
});
export type BacktestConfig = z.infer<typeof BacktestConfig>;

export const ExperimentResults = z.object({
	final_train_loss: finite.nullable(),
	final_val_loss: finite.nullable(),
	total_return: finite,
	sharpe: finite.nullable(),
	max_drawdown: finite,
	trades: z.number().int().nonnegative(),
	backend: z.string().max(100)
});
export type ExperimentResults = z.infer<typeof ExperimentResults>;

/** Body of `POST /api/v1/experiments`. */
export const ExperimentCreate = z.object({
	name: shortText,
	description: z.string().max(2000).optional(),
	status: ExperimentStatus.default('created'),
	model_config: ModelConfig,
	data_config: DataConfig,
	training_config: TrainingConfig,
	backtest_config: BacktestConfig.optional(),
	results: ExperimentResults.optional()
});
export type ExperimentCreate = z.infer<typeof ExperimentCreate>;

/** An experiment as the edge returns it. */
export const Experiment = ExperimentCreate.extend({
	id: z.string().min(1).max(64),
	owner_id: z.string().min(1).max(64),
	created_at: z.string(),
	updated_at: z.string()
});
export type Experiment = z.infer<typeof Experiment>;

export const ListQuery = z.object({
	limit: z.coerce.number().int().min(1).max(100).default(20),
	cursor: z.string().max(200).optional(),
	status: ExperimentStatus.optional()
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ExperimentList = z.object({
	items: z.array(Experiment),
	next_cursor: z.string().nullable()
});
export type ExperimentList = z.infer<typeof ExperimentList>;

export const SignIn = z.object({
	email: z.email().max(254),
	password: z.string().min(8).max(200)
});
export type SignIn = z.infer<typeof SignIn>;

export const SignInResponse = z.object({
	token: z.string(),
	expires_at: z.string(),
	user: z.object({ id: z.string(), email: z.string(), role: Role, display_name: z.string() })
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** Every non-2xx response from the edge has this body. */
export const ApiError = z.object({
	error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
});
export type ApiError = z.infer<typeof ApiError>;

/** Live feed WebSocket frames (`/api/v1/live/{symbol}`): a discriminated union, validated both ways. */
export const LiveClientFrame = z.discriminatedUnion('type', [
	z.object({ type: z.literal('subscribe'), symbol: z.string().regex(/^[A-Z0-9._-]{1,16}$/) }),
	z.object({ type: z.literal('publish'), bar: z.object({ t: z.string().max(40), close: finite }) }),
	z.object({ type: z.literal('ping') })
]);
export type LiveClientFrame = z.infer<typeof LiveClientFrame>;

export const LiveServerFrame = z.discriminatedUnion('type', [
	z.object({ type: z.literal('welcome'), symbol: z.string(), subscribers: z.number().int() }),
	z.object({
		type: z.literal('bar'),
		symbol: z.string(),
		bar: z.object({ t: z.string(), close: finite })
	}),
	z.object({ type: z.literal('pong') }),
	z.object({ type: z.literal('error'), code: z.string(), message: z.string() })
]);
export type LiveServerFrame = z.infer<typeof LiveServerFrame>;

/** A live-feed symbol as it appears in `/api/v1/live/{symbol}` (same rule as the `subscribe` frame). */
export const LiveSymbol = z.string().regex(/^[A-Z0-9._-]{1,16}$/);
export type LiveSymbol = z.infer<typeof LiveSymbol>;
