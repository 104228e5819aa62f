/**
 * The browser's client for the tracking routes (runs, metrics, versioned experiments, models, share
 * links; worker/src/routes/mount-tracking.ts). Same conventions as edge-client.ts: same origin,
 * every response parsed with the shared protocol schemas, every failure an error Result carrying the
 * edge's message and details (a 409 carries `details.server`, the edge's copy).
 */
import type { z } from 'zod';
import {
	ApiError,
	ExperimentAnalytics,
	MetricBatchResult,
	Run,
	ShareCreated,
	SharedView,
	ShareList,
	VersionedExperiment,
	VersionedExperimentList,
	type ExperimentCreate,
	type ExperimentListQuery,
	type MetricPoint,
	type RunCreate,
	type RunPatch,
	type ShareCreate
} from '$lib/core/protocol';
import { err, ok, type ErrorCode, type Result } from '$lib/core/result';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
	400: 'bad_input',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	410: 'not_found',
	413: 'too_large',
	415: 'bad_input'
};

interface Init {
	method?: string;
	token?: string | null;
	body?: unknown;
	headers?: Record<string, string>;
}

async function call<S extends z.ZodType>(
	schema: S | null,
	path: string,
	init: Init = {}
): Promise<Result<z.infer<S>>> {
	const headers = new Headers(init.headers);
	if (init.body !== undefined) headers.set('content-type', 'application/json');
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, {
			method: init.method ?? 'GET',
			headers,
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
		});
	} catch {
		return err(
			'internal',
			'The edge is unreachable; your work is kept in this browser and will sync later.'
		);
	}
	if (response.status === 204) return ok(undefined as z.infer<S>);
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const parsed = ApiError.safeParse(body);
		return err(
			CODE_OF_STATUS[response.status] ?? 'internal',
			parsed.success ? parsed.data.error.message : `HTTP ${response.status}`,
			parsed.success ? parsed.data.error.details : undefined
		);
	}
	if (!schema) return ok(body as z.infer<S>);
	const parsed = schema.safeParse(body);
	return parsed.success
		? ok(parsed.data)
		: err('internal', 'The edge sent a response this app does not understand.');
}

const enc = encodeURIComponent;

/** Creates an experiment; the answer carries version 1. */
export const createVersionedExperiment = (token: string, body: ExperimentCreate) =>
	call(VersionedExperiment, '/experiments', { method: 'POST', token, body });

/** Replaces an experiment if the edge is still at `baseVersion`; a 409 error carries `details.server`. */
export const updateExperiment = (
	token: string,
	id: string,
	body: ExperimentCreate,
	baseVersion: number
) =>
	call(VersionedExperiment, `/experiments/${enc(id)}`, {
		method: 'PUT',
		token,
		body: { ...body, base_version: baseVersion }
	});

export function listExperiments(token: string, query: Partial<ExperimentListQuery> = {}) {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
	return call(VersionedExperimentList, `/experiments?${params}`, { token });
}

export const createRun = (token: string, experimentId: string, body: Partial<RunCreate> = {}) =>
	call(Run, `/experiments/${enc(experimentId)}/runs`, { method: 'POST', token, body });

export const patchRun = (token: string, experimentId: string, runId: string, body: RunPatch) =>
	call(Run, `/experiments/${enc(experimentId)}/runs/${enc(runId)}`, {
		method: 'PATCH',
		token,
		body
	});

/** At most 5,000 points per call (the uploader in $lib/sync splits bigger queues). */
export const logMetrics = (
	token: string,
	experimentId: string,
	runId: string,
	points: MetricPoint[]
) =>
	call(MetricBatchResult, `/experiments/${enc(experimentId)}/runs/${enc(runId)}/metrics`, {
		method: 'POST',
		token,
		body: { points }
	});

export const experimentAnalytics = (token: string, id: string) =>
	call(ExperimentAnalytics, `/analytics/experiments/${enc(id)}`, { token });

export const createShare = (token: string, body: ShareCreate) =>
	call(ShareCreated, '/shares', { method: 'POST', token, body });

export const listShares = (token: string) => call(ShareList, '/shares', { token });

export const revokeShare = (token: string, id: string) =>
	call(null, `/shares/${enc(id)}`, { method: 'DELETE', token });

/** Public: what a share link shows, without signing in. Expired links come back as not_found. */
export const viewShare = (shareToken: string) => call(SharedView, `/shares/${enc(shareToken)}`);
