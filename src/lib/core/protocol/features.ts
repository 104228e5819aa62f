/**
 * Feature pipelines (issue #3): the spec a user designs (indicators from the registry, expressions,
 * optional labels), and the edge contract `POST /api/v1/features/pipeline`. One schema serves the
 * pipeline designer, the data worker, the CLI (`axon features --spec`) and the edge.
 *
 * The schema checks shape only; `validatePipelineSpec` (core/pipelines) checks meaning: indicator ids
 * and params against the registry, expressions parsed, column names unique.
 */
import { z } from 'zod';

/**
 * Output column names: an identifier, so a name is safe as a CSV header, a JSON key, a Parquet column
 * and a D1 value, and never needs quoting.
 */
export const ColumnName = z
	.string()
	.regex(
		/^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
		'a name of letters, digits and _ (not starting with a digit)'
	);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex');
const horizon = z.number().int().min(1).max(1000);

/** An indicator from the registry (`src/lib/core/indicators/registry.ts`) with its parameters. */
export const IndicatorStep = z.object({
	kind: z.literal('indicator'),
	id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'an indicator id such as rsi or bbands'),
	params: z.record(z.string().max(40), z.number()).default({}),
	/** Column prefix; default `<id>_<param values>` (see `indicatorColumnNames`). */
	name: ColumnName.optional()
});
export type IndicatorStep = z.infer<typeof IndicatorStep>;

/** A Qlib-style expression (`src/lib/core/expr`), e.g. `Mean($close, 5) / $close - 1`. */
export const ExpressionStep = z.object({
	kind: z.literal('expression'),
	name: ColumnName,
	expression: z.string().min(1).max(2000)
});
export type ExpressionStep = z.infer<typeof ExpressionStep>;

export const Transformation = z.discriminatedUnion('kind', [IndicatorStep, ExpressionStep]);
export type Transformation = z.infer<typeof Transformation>;

/** Labels read future bars (`src/lib/core/labels`); they are never part of the warm-up. */
export const LabelSpec = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('forward_return'),
		horizon,
		returnKind: z.enum(['log', 'simple']).default('log'),
		name: ColumnName.optional()
	}),
	z.object({
		kind: z.literal('direction'),
		horizon,
		deadZone: z.number().min(0).max(1).default(0),
		name: ColumnName.optional()
	}),
	z.object({
		kind: z.literal('triple_barrier'),
		horizon,
		upper: z.number().gt(0).max(100),
		lower: z.number().gt(0).max(100),
		volWindow: z.number().int().min(2).max(1000),
		name: ColumnName.optional()
	})
]);
export type LabelSpec = z.infer<typeof LabelSpec>;

export const EXPORT_FORMATS = ['csv', 'json', 'parquet'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** At most this many transformations per pipeline: keeps one request's compute bounded. */
export const MAX_TRANSFORMATIONS = 64;

/** A feature-set spec as the designer saves it and `axon features --spec` reads it. */
export const FeaturePipelineSpec = z.object({
	version: z.literal(1).default(1),
	name: z.string().trim().min(1).max(120).optional(),
	/** The dataset it was designed on; the CLI's `--input` and the worker's dataset id override it. */
	dataset: z.object({ contentHash: sha256, name: z.string().max(200).optional() }).optional(),
	transformations: z.array(Transformation).min(1).max(MAX_TRANSFORMATIONS),
	labels: z.array(LabelSpec).max(8).default([]),
	/** Columns to keep, in order; default every feature then every label. */
	columns: z.array(ColumnName).max(512).optional()
});
export type FeaturePipelineSpec = z.infer<typeof FeaturePipelineSpec>;
export type FeaturePipelineSpecInput = z.input<typeof FeaturePipelineSpec>;

/** The edge computes inline data up to this many bars; larger pipelines are accepted for the browser. */
export const MAX_INLINE_BARS = 10_000;

const numberColumn = z.array(z.number().nullable()).max(MAX_INLINE_BARS);

/** Bars sent in the request body: columnar, time in ms since the epoch (UTC). */
export const InlineBars = z.object({
	kind: z.literal('inline'),
	symbol: z.string().trim().min(1).max(40).default('INLINE'),
	time: z.array(z.number()).min(1).max(MAX_INLINE_BARS),
	open: numberColumn.optional(),
	high: numberColumn.optional(),
	low: numberColumn.optional(),
	close: numberColumn,
	volume: numberColumn.optional()
});
export type InlineBars = z.infer<typeof InlineBars>;

/** A dataset the caller holds (by content hash): the edge records the pipeline, the browser computes. */
export const DatasetRef = z.object({
	kind: z.literal('dataset'),
	content_hash: sha256,
	name: z.string().trim().min(1).max(200).optional(),
	rows: z.number().int().nonnegative().optional()
});

export const FeaturePipelineRequest = z.object({
	name: z.string().trim().min(1).max(120).optional(),
	data_source: z.discriminatedUnion('kind', [InlineBars, DatasetRef]),
	transformations: z.array(Transformation).min(1).max(MAX_TRANSFORMATIONS),
	labels: z.array(LabelSpec).max(8).default([]),
	output_columns: z.array(ColumnName).max(512).optional(),
	output_format: ExportFormat.default('json')
});
export type FeaturePipelineRequest = z.infer<typeof FeaturePipelineRequest>;
export type FeaturePipelineRequestInput = z.input<typeof FeaturePipelineRequest>;

export const ProcessingStatus = z.enum(['completed', 'accepted']);
export type ProcessingStatus = z.infer<typeof ProcessingStatus>;

export const FeaturePipelineResponse = z.object({
	pipeline_id: z.string(),
	spec_hash: sha256,
	/** Output column names, in order (features, then labels). */
	features_generated: z.array(z.string()),
	/** `completed`: inline data computed, `result` holds it. `accepted`: recorded for the browser to run. */
	processing_status: ProcessingStatus,
	warmup: z.number().int().nonnegative().optional(),
	/** Inline results only: columnar JSON, NaN (warm-up, missing) as null; or CSV text. */
	result: z
		.union([
			z.object({
				format: z.literal('json'),
				time: z.array(z.number()),
				columns: z.record(z.string(), z.array(z.number().nullable()))
			}),
			z.object({ format: z.literal('csv'), text: z.string() })
		])
		.optional()
});
export type FeaturePipelineResponse = z.infer<typeof FeaturePipelineResponse>;
