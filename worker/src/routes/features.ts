/**
 * `POST /api/v1/features/pipeline`: validate a feature-pipeline spec with the same pure core the
 * browser runs (every indicator id and params against the registry, every expression parsed), record
 * it in D1, and, for inline bars (≤ MAX_INLINE_BARS in the body), compute it here and return the
 * columns (`completed`). A dataset reference is recorded as `accepted`: the browser's data worker (or
 * a GPU runner) computes it and caches it by (content hash, spec hash), the same key returned here.
 *
 * Inline results are JSON (NaN as null) or CSV (`NaN` literal); Parquet is a download format of the
 * browser and the CLI, so a Parquet request with inline data is answered with JSON.
 */
import { z } from 'zod';
import { contentHash } from '../../../src/lib/core/hash/content-hash';
import type { OhlcvSeries } from '../../../src/lib/core/ohlcv';
import { featureTableToCsv } from '../../../src/lib/core/pipelines/export-csv';
import { featureTableToJson } from '../../../src/lib/core/pipelines/export-json';
import { runPipeline } from '../../../src/lib/core/pipelines/run-pipeline';
import { specHash } from '../../../src/lib/core/pipelines/spec-hash';
import {
	validatePipelineSpec,
	type ValidatedPipeline
} from '../../../src/lib/core/pipelines/validate-pipeline-spec';
import {
	FeaturePipelineRequest,
	MAX_INLINE_BARS,
	type FeaturePipelineResponse,
	type InlineBars
} from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { insertPipelineStatements } from '../db/features';
import { parseWith, readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';

/** 10,000 bars × 6 columns of numbers fit in ~1 MiB of JSON; 2 MiB leaves room for the spec. */
export const MAX_PIPELINE_BODY_BYTES = 2 * 2 ** 20;

/** More inline bars than the edge computes is a 413 (too large for here), not a 400 (malformed). */
function refuseTooManyBars(body: unknown): void {
	const time = (body as { data_source?: { time?: unknown } } | null)?.data_source?.time;
	if (Array.isArray(time) && time.length > MAX_INLINE_BARS)
		throw new HttpError(
			'too_large',
			`${time.length} inline bars: the edge computes at most ${MAX_INLINE_BARS}. Send a dataset reference and compute in the browser.`
		);
}

function inlineSeries(bars: InlineBars): OhlcvSeries {
	const n = bars.time.length;
	for (const key of ['open', 'high', 'low', 'close', 'volume'] as const) {
		const column = bars[key];
		if (column && column.length !== n)
			throw new HttpError(
				'bad_input',
				`data_source.${key} has ${column.length} values, time has ${n}.`,
				{
					issues: [{ path: `data_source.${key}`, message: `expected ${n} values` }]
				}
			);
	}
	for (let i = 1; i < n; i++) {
		if (!(bars.time[i] > bars.time[i - 1]))
			throw new HttpError(
				'bad_input',
				`data_source.time[${i}] is not after time[${i - 1}]: times must increase.`,
				{
					issues: [{ path: `data_source.time.${i}`, message: 'times must be strictly increasing' }]
				}
			);
	}
	const col = (values: (number | null)[] | undefined, fallback: Float64Array) =>
		values ? Float64Array.from(values, (v) => v ?? NaN) : fallback;
	const close = col(bars.close, new Float64Array(n));
	return {
		symbol: bars.symbol,
		time: Float64Array.from(bars.time),
		open: col(bars.open, close),
		high: col(bars.high, close),
		low: col(bars.low, close),
		close,
		volume: col(bars.volume, new Float64Array(n).fill(NaN))
	};
}

/** Output column → the transformation (or label) that produced it, for the `features` rows. */
function columnConfigs(pipeline: ValidatedPipeline) {
	const configs = new Map<string, Record<string, unknown>>();
	pipeline.steps.forEach((step, i) => {
		for (const name of step.names) configs.set(name, pipeline.spec.transformations[i]);
	});
	for (const label of pipeline.labels) configs.set(label.name, label.spec);
	return pipeline.columns.map((name) => ({ name, config: configs.get(name)! }));
}

export async function createFeaturePipeline(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'features:run');
	const raw = await readJsonBody(c.request, z.unknown(), MAX_PIPELINE_BODY_BYTES);
	refuseTooManyBars(raw);
	const input = parseWith(FeaturePipelineRequest, raw, 'request body');
	const validated = validatePipelineSpec({
		name: input.name,
		transformations: input.transformations,
		labels: input.labels,
		columns: input.output_columns
	});
	if (!validated.ok) {
		const path = (validated.details as { path?: string } | undefined)?.path ?? 'transformations';
		throw new HttpError('bad_input', validated.message, {
			issues: [{ path, message: validated.message }]
		});
	}
	const pipeline = validated.value;
	const source = input.data_source;
	const series = source.kind === 'inline' ? inlineSeries(source) : null;
	const dataHash = series
		? await contentHash(series)
		: (source as { content_hash: string }).content_hash;
	const hash = await specHash(pipeline);
	const table = series ? runPipeline(series, pipeline) : null;

	const id = crypto.randomUUID();
	const status = table ? 'completed' : 'accepted';
	await c.env.DB.batch([
		...insertPipelineStatements(c.env.DB, {
			id,
			ownerId: user.id,
			featureSetId: crypto.randomUUID(),
			name: input.name ?? `pipeline ${hash.slice(0, 8)}`,
			dataHash,
			specHash: hash,
			dataSourceKind: source.kind,
			spec: pipeline.spec,
			outputFormat: input.output_format,
			status,
			rows: table ? table.time.length : source.kind === 'dataset' ? (source.rows ?? null) : null,
			warmup: table ? table.warmup : null,
			columns: columnConfigs(pipeline)
		}),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'feature_pipeline.create',
			targetType: 'feature_pipeline',
			targetId: id,
			ip: c.ip,
			details: { spec_hash: hash, status }
		})
	]);

	const body: FeaturePipelineResponse = {
		pipeline_id: id,
		spec_hash: hash,
		features_generated: pipeline.columns,
		processing_status: status,
		...(table ? { warmup: table.warmup } : {})
	};
	if (table) {
		if (input.output_format === 'csv')
			body.result = { format: 'csv', text: featureTableToCsv(table) };
		else {
			const json = featureTableToJson(table);
			body.result = { format: 'json', time: json.time, columns: json.columns };
		}
	}
	return jsonResponse(status === 'completed' ? 200 : 202, body);
}
