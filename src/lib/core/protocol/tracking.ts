/**
 * Experiment tracking and sharing: runs, batched metrics, artifacts, analytics, model registry, share
 * links, sync (issue #7). Part of the one protocol module (`$lib/core/protocol`); the edge validates
 * every request with these schemas and the browser parses every response with them.
 */
import { z } from 'zod';
import { BattleSession } from './battles';
import { Experiment, ExperimentCreate, ExperimentStatus, ListQuery } from './base';

const finite = z.number().finite();
const id = z.string().min(1).max(64);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'ISO-8601 UTC');
/** Small free-form JSON objects (parameters, metadata, cards): bounded keys, size checked by the edge. */
const jsonObject = z
	.record(z.string().max(100), z.unknown())
	.refine((o) => Object.keys(o).length <= 64, 'at most 64 keys');
/** Named numbers such as final metrics: `{ sharpe: 1.2, val_loss: 0.03 }`. */
const numberMap = z
	.record(z.string().min(1).max(100), finite)
	.refine((o) => Object.keys(o).length <= 64, 'at most 64 keys');

// ---------------------------------------------------------------- experiments (versioned, sortable)

export const EXPERIMENT_SORTS = ['created_at', 'name', 'best_score'] as const;
export const ExperimentSort = z.enum(EXPERIMENT_SORTS);
export type ExperimentSort = z.infer<typeof ExperimentSort>;

/** `GET /experiments?status=&q=&sort=&order=&limit=&cursor=`; a cursor is only valid for its sort. */
export const ExperimentListQuery = ListQuery.extend({
	sort: ExperimentSort.default('created_at'),
	order: z.enum(['asc', 'desc']).default('desc'),
	q: z.string().trim().min(1).max(100).optional()
});
export type ExperimentListQuery = z.infer<typeof ExperimentListQuery>;

/** An experiment with its optimistic-concurrency version (bumped by every accepted write). */
export const VersionedExperiment = Experiment.extend({ version: z.number().int().min(1) });
export type VersionedExperiment = z.infer<typeof VersionedExperiment>;

export const VersionedExperimentList = z.object({
	items: z.array(VersionedExperiment),
	next_cursor: z.string().nullable()
});
export type VersionedExperimentList = z.infer<typeof VersionedExperimentList>;

/**
 * Body of `PUT /experiments/{id}`: the whole record plus the version it was edited from. The base
 * may come from `If-Match: "<version>"` instead; one of the two is required.
 */
export const ExperimentUpdate = ExperimentCreate.extend({
	base_version: z.number().int().min(1).optional()
});
export type ExperimentUpdate = z.infer<typeof ExperimentUpdate>;

/** `details` of the 409 a stale write gets: the server copy, so the client can show and merge it. */
export const VersionConflict = z.object({ server: VersionedExperiment });
export type VersionConflict = z.infer<typeof VersionConflict>;

// ---------------------------------------------------------------- runs, metrics, artifacts

export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunCreate = z.object({
	name: z.string().trim().min(1).max(200).optional(),
	parameters: jsonObject.default({})
});
export type RunCreate = z.infer<typeof RunCreate>;

/** `PATCH /experiments/{id}/runs/{runId}`: close a run and report its final metrics. */
export const RunPatch = z
	.object({ status: RunStatus.optional(), final_metrics: numberMap.optional() })
	.refine((p) => p.status !== undefined || p.final_metrics !== undefined, 'nothing to change');
export type RunPatch = z.infer<typeof RunPatch>;

export const Run = z.object({
	id,
	experiment_id: id,
	name: z.string().nullable(),
	parameters: jsonObject,
	status: RunStatus,
	final_metrics: numberMap.nullable(),
	started_at: z.string(),
	finished_at: z.string().nullable(),
	created_at: z.string()
});
export type Run = z.infer<typeof Run>;

export const RunList = z.object({ items: z.array(Run) });
export type RunList = z.infer<typeof RunList>;

/** Metric names are identifiers (`val_loss`, `eval/sharpe`), never free text. */
export const MetricName = z
	.string()
	.regex(/^[A-Za-z0-9_.:/-]{1,100}$/, 'letters, digits, _ . : / -');

/** One request carries at most this many points; the browser's uploader splits bigger queues. */
export const MAX_METRIC_POINTS = 5_000;

export const MetricPoint = z.object({
	name: MetricName,
	step: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
	value: finite,
	time: iso.optional()
});
export type MetricPoint = z.infer<typeof MetricPoint>;

/** Body of `POST /experiments/{id}/runs/{runId}/metrics`. A repeated (name, step) overwrites. */
export const MetricBatch = z.object({ points: z.array(MetricPoint).min(1).max(MAX_METRIC_POINTS) });
export type MetricBatch = z.infer<typeof MetricBatch>;

export const MetricBatchResult = z.object({ accepted: z.number().int() });
export type MetricBatchResult = z.infer<typeof MetricBatchResult>;

/** `GET .../metrics?name=&max_points=`: every series, or one, downsampled to at most max_points. */
export const MetricQuery = z.object({
	name: MetricName.optional(),
	max_points: z.coerce.number().int().min(2).max(10_000).default(1_000)
});
export type MetricQuery = z.infer<typeof MetricQuery>;

export const MetricSeries = z.object({
	name: z.string(),
	total_points: z.number().int(),
	points: z.array(z.object({ step: z.number().int(), value: finite }))
});
export type MetricSeries = z.infer<typeof MetricSeries>;

export const MetricSeriesList = z.object({ series: z.array(MetricSeries) });
export type MetricSeriesList = z.infer<typeof MetricSeriesList>;

/** Artifact names are file names: no path separators, so an R2 key can never be steered. */
export const ArtifactName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'a file name');

export const Artifact = z.object({
	id,
	run_id: id,
	name: z.string(),
	content_type: z.string(),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	size_bytes: z.number().int(),
	created_at: z.string()
});
export type Artifact = z.infer<typeof Artifact>;

// ---------------------------------------------------------------- analytics

export const ExperimentAnalytics = z.object({
	experiment: VersionedExperiment,
	performance: z.object({
		results: z.record(z.string(), z.unknown()).nullable(),
		best_score: finite.nullable(),
		runs: z.object({
			total: z.number().int(),
			by_status: z.record(z.string(), z.number().int())
		}),
		final_metrics: z.array(z.object({ run_id: id, metrics: numberMap }))
	}),
	training_history: z.array(z.object({ run_id: id, series: z.array(MetricSeries) })),
	/** Present only when some run logged `feature_importance/<feature>` metrics. */
	feature_importance: z.array(z.object({ feature: z.string(), importance: finite })).nullable(),
	diagnostics: z.array(
		z.object({ level: z.enum(['info', 'warning']), code: z.string(), message: z.string() })
	)
});
export type ExperimentAnalytics = z.infer<typeof ExperimentAnalytics>;

// ---------------------------------------------------------------- model registry

export const MODEL_STATUSES = ['training', 'trained', 'deployed', 'archived'] as const;
export const ModelStatus = z.enum(MODEL_STATUSES);
export type ModelStatus = z.infer<typeof ModelStatus>;

export const ModelCreate = z.object({
	name: z.string().trim().min(1).max(200),
	description: z.string().max(2000).optional(),
	model_type: z.string().trim().min(1).max(50),
	experiment_id: id.optional(),
	architecture: jsonObject.default({}),
	hyperparameters: jsonObject.default({}),
	/** The model card: intended use, data, limits, owners. Free-form but bounded. */
	card: jsonObject.default({})
});
export type ModelCreate = z.infer<typeof ModelCreate>;

export const Model = z.object({
	id,
	owner_id: id,
	experiment_id: z.string().nullable(),
	name: z.string(),
	description: z.string().nullable(),
	model_type: z.string(),
	architecture: jsonObject,
	hyperparameters: jsonObject,
	card: jsonObject,
	status: ModelStatus,
	best_score: finite.nullable(),
	created_at: z.string(),
	updated_at: z.string()
});
export type Model = z.infer<typeof Model>;

export const ModelList = z.object({ items: z.array(Model), next_cursor: z.string().nullable() });
export type ModelList = z.infer<typeof ModelList>;

export const ModelStatusPatch = z.object({ status: ModelStatus });
export type ModelStatusPatch = z.infer<typeof ModelStatusPatch>;

/** Activations the edge runtime implements (worker/src/inference). */
export const Activation = z.enum(['linear', 'relu', 'tanh', 'sigmoid', 'softmax']);
export type Activation = z.infer<typeof Activation>;

const matrixRow = z.array(finite).min(1).max(4096);

/**
 * `axon-dense-v1`: the JSON weights format the edge can serve. Either a stack of dense layers
 * (`weights[out][in]`, `bias[out]`, activation) or a linear model (coefficients, intercept, link).
 */
export const DenseWeights = z.discriminatedUnion('kind', [
	z.object({
		format: z.literal('axon-dense-v1'),
		kind: z.literal('mlp'),
		input_size: z.number().int().min(1).max(4096),
		feature_names: z.array(z.string().max(100)).max(4096).optional(),
		layers: z
			.array(
				z.object({
					weights: z.array(matrixRow).min(1).max(4096),
					bias: matrixRow,
					activation: Activation
				})
			)
			.min(1)
			.max(16)
	}),
	z.object({
		format: z.literal('axon-dense-v1'),
		kind: z.literal('linear'),
		input_size: z.number().int().min(1).max(4096),
		feature_names: z.array(z.string().max(100)).max(4096).optional(),
		coefficients: matrixRow,
		intercept: finite,
		link: z.enum(['identity', 'logistic'])
	})
]);
export type DenseWeights = z.infer<typeof DenseWeights>;

/** Artifact formats: `axon-dense-v1` can be served by predict; anything else is stored only. */
export const ArtifactFormat = z.enum(['axon-dense-v1', 'opaque']);
export type ArtifactFormat = z.infer<typeof ArtifactFormat>;

/** Decoded artifacts above this size are refused (413); the body cap follows from base64's 4/3. */
export const MAX_MODEL_ARTIFACT_BYTES = 10 * 1024 * 1024;

export const ModelVersionCreate = z.object({
	format: ArtifactFormat,
	content_type: z.string().max(100).default('application/octet-stream'),
	/** The artifact bytes, base64 (standard alphabet). */
	artifact_base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
	metadata: jsonObject.default({}),
	metrics: numberMap.default({}),
	performance_score: finite.optional()
});
export type ModelVersionCreate = z.infer<typeof ModelVersionCreate>;

export const ModelVersion = z.object({
	id,
	model_id: id,
	version: z.number().int().min(1),
	format: ArtifactFormat,
	sha256: z.string(),
	size_bytes: z.number().int(),
	metadata: jsonObject,
	metrics: numberMap,
	performance_score: finite.nullable(),
	created_by: z.string().nullable(),
	created_at: z.string()
});
export type ModelVersion = z.infer<typeof ModelVersion>;

export const ModelVersionList = z.object({ items: z.array(ModelVersion) });
export type ModelVersionList = z.infer<typeof ModelVersionList>;

/** `champion`, `challenger` or a custom lower-case label. */
export const AliasName = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case label');
export const AliasSet = z.object({ version: z.number().int().min(1) });
export type AliasSet = z.infer<typeof AliasSet>;

export const ModelAlias = z.object({
	alias: z.string(),
	version: z.number().int(),
	updated_by: z.string().nullable(),
	updated_at: z.string()
});
export type ModelAlias = z.infer<typeof ModelAlias>;

export const AliasEvent = z.object({
	alias: z.string(),
	from_version: z.number().int().nullable(),
	to_version: z.number().int().nullable(),
	actor_id: z.string().nullable(),
	at: z.string()
});
export type AliasEvent = z.infer<typeof AliasEvent>;

export const AliasHistory = z.object({
	aliases: z.array(ModelAlias),
	events: z.array(AliasEvent)
});
export type AliasHistory = z.infer<typeof AliasHistory>;

/** Body of `POST /models/{id}/predict`. Picks `version`, else `alias`, else champion, else latest. */
export const PredictRequest = z.object({
	features: z.array(finite).min(1).max(4096),
	version: z.number().int().min(1).optional(),
	alias: AliasName.optional(),
	explain: z.boolean().default(false)
});
export type PredictRequest = z.infer<typeof PredictRequest>;

export const PredictResponse = z.object({
	prediction: z.array(finite),
	/** Highest class probability for logistic/softmax outputs; null for regression. */
	confidence: finite.nullable(),
	feature_importance: z.array(z.object({ feature: z.string(), importance: finite })).optional(),
	model_version: z.number().int(),
	runtime: z.literal('axon-dense-v1'),
	processing_time_ms: finite
});
export type PredictResponse = z.infer<typeof PredictResponse>;

// ---------------------------------------------------------------- share links

export const SHARE_TARGETS = ['experiment', 'model', 'battle_session'] as const;
export const ShareTarget = z.enum(SHARE_TARGETS);
export type ShareTarget = z.infer<typeof ShareTarget>;

export const ShareCreate = z.object({
	target_type: ShareTarget,
	target_id: id,
	expires_in_hours: z
		.number()
		.int()
		.min(1)
		.max(24 * 90)
		.default(24 * 7)
});
export type ShareCreate = z.infer<typeof ShareCreate>;

export const ShareLink = z.object({
	id,
	target_type: ShareTarget,
	target_id: id,
	created_at: z.string(),
	expires_at: z.string(),
	revoked_at: z.string().nullable()
});
export type ShareLink = z.infer<typeof ShareLink>;

/** The token is returned once, at creation; only its hash is stored. */
export const ShareCreated = ShareLink.extend({ token: z.string(), path: z.string() });
export type ShareCreated = z.infer<typeof ShareCreated>;

export const ShareList = z.object({ items: z.array(ShareLink) });
export type ShareList = z.infer<typeof ShareList>;

/** Share tokens are 43 base64url characters (32 random bytes). */
export const ShareToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** What a visitor with a share link sees: a read-only copy, without owner ids. */
export const SharedView = z.object({
	target_type: ShareTarget,
	expires_at: z.string(),
	experiment: z
		.object({
			name: z.string(),
			description: z.string().optional(),
			status: ExperimentStatus,
			model_config: ExperimentCreate.shape.model_config,
			data_config: ExperimentCreate.shape.data_config,
			training_config: ExperimentCreate.shape.training_config,
			backtest_config: ExperimentCreate.shape.backtest_config,
			results: ExperimentCreate.shape.results,
			created_at: z.string()
		})
		.nullable(),
	runs: z.array(Run.pick({ name: true, status: true, final_metrics: true, started_at: true })),
	/**
	 * A shared battle session (target_type 'battle_session'): what its owner stored on the edge —
	 * config, leaderboard with intervals and verdicts — without ids of the owner or the account.
	 * Optional: experiment shares omit it.
	 */
	battle: BattleSession.pick({
		name: true,
		status: true,
		models_tested: true,
		duration_seconds: true,
		risk_limits: true,
		config: true,
		results: true,
		created_at: true
	})
		.nullable()
		.optional()
});
export type SharedView = z.infer<typeof SharedView>;

// ---------------------------------------------------------------- reproduce (share page → new-experiment form)

/**
 * What "reproduce in my browser" carries in the `/experiments?…` query string: the spec, seed and the
 * data's content hash. URL params are a trust boundary, so the form parses them with this schema and
 * ignores anything invalid rather than prefilling it.
 */
export const ReproduceParams = z.object({
	name: z.string().trim().min(1).max(200),
	model_type: z.enum(['gru', 'lstm']),
	window: z.coerce.number().int().min(2).max(512),
	units: z.coerce.number().int().min(1).max(1024),
	epochs: z.coerce.number().int().min(1).max(10_000),
	batch_size: z.coerce.number().int().min(1).max(65_536),
	learning_rate: z.coerce.number().gt(0).max(10),
	seed: z.coerce
		.number()
		.int()
		.min(0)
		.max(2 ** 32 - 1),
	content_hash: z.string().regex(/^[0-9a-f]{64}$/),
	threshold: z.coerce.number().min(0).optional(),
	fee_bps: z.coerce.number().min(0).max(10_000).optional()
});
export type ReproduceParams = z.infer<typeof ReproduceParams>;

/** The query string that reproduces a shared experiment. */
export function reproduceQuery(
	e: Pick<
		ExperimentCreate,
		'name' | 'model_config' | 'training_config' | 'data_config' | 'backtest_config'
	>
): string {
	const params: Record<string, string> = {
		reproduce: '1',
		name: e.name,
		model_type: e.model_config.model_type,
		window: String(e.model_config.window),
		units: String(e.model_config.units),
		epochs: String(e.training_config.epochs),
		batch_size: String(e.training_config.batch_size),
		learning_rate: String(e.training_config.learning_rate),
		seed: String(e.training_config.seed),
		content_hash: e.data_config.content_hash
	};
	if (e.backtest_config) {
		params.threshold = String(e.backtest_config.threshold);
		params.fee_bps = String(e.backtest_config.fee_bps);
	}
	return new URLSearchParams(params).toString();
}

/** The reproduce request in a URL, or null when there is none or it does not validate. */
export function parseReproduceQuery(search: URLSearchParams): ReproduceParams | null {
	if (search.get('reproduce') !== '1') return null;
	const parsed = ReproduceParams.safeParse(Object.fromEntries(search));
	return parsed.success ? parsed.data : null;
}
