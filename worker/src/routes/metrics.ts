/**
 * Batched metric logging: `POST /experiments/{id}/runs/{runId}/metrics` with up to 5,000 points, and
 * `GET` of the series (one name or all, downsampled). The browser's uploader batches and retries, so a
 * request is idempotent: a repeated (name, step) overwrites its value.
 */
import {
	MetricBatch,
	MetricQuery,
	type MetricBatchResult,
	type MetricSeriesList
} from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { insertMetricsStatement, readMetricSeries } from '../db/metrics';
import { parseWith, readJsonBody } from '../http/body';
import { jsonResponse } from '../http/respond';
import { ownedRunOr404 } from './tracking-access';

/** 5,000 points at ~60 bytes of JSON each is ~300 KiB; 1 MiB leaves room for long names. */
export const MAX_METRIC_BODY_BYTES = 1024 * 1024;

export async function logMetrics(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'runs:log');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	const { points } = await readJsonBody(c.request, MetricBatch, MAX_METRIC_BODY_BYTES);
	const now = new Date().toISOString();
	await c.env.DB.batch([
		insertMetricsStatement(c.env.DB, experimentId, run.id, points, now),
		// One audit row per batch, not per point: the log records who wrote to the run and how much.
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'run.metrics.log',
			targetType: 'run',
			targetId: run.id,
			ip: c.ip,
			details: { points: points.length }
		})
	]);
	return jsonResponse(202, { accepted: points.length } satisfies MetricBatchResult);
}

export async function getMetrics(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	const query = parseWith(MetricQuery, Object.fromEntries(c.url.searchParams), 'query');
	const series = await readMetricSeries(c.env.DB, run.id, query.max_points, query.name);
	return jsonResponse(200, { series } satisfies MetricSeriesList);
}
