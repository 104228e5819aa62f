/**
 * Experiment tracking, model registry and share links (issue #7 part B): the routes and their
 * OpenAPI descriptions, side by side so one cannot drift from the other.
 */
import { z } from 'zod';
import {
	AliasHistory,
	AliasSet,
	Artifact,
	ExperimentAnalytics,
	ExperimentListQuery,
	ExperimentUpdate,
	MetricBatch,
	MetricBatchResult,
	MetricQuery,
	MetricSeriesList,
	Model,
	ModelAlias,
	ModelCreate,
	ModelList,
	ModelStatusPatch,
	ModelVersion,
	ModelVersionCreate,
	ModelVersionList,
	PredictRequest,
	PredictResponse,
	Run,
	RunCreate,
	RunList,
	RunPatch,
	ShareCreate,
	ShareCreated,
	SharedView,
	ShareList,
	VersionedExperiment,
	VersionedExperimentList
} from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';
import { experimentAnalytics } from './analytics';
import { listRunArtifacts, uploadArtifact } from './artifacts';
import { updateExperiment } from './experiment-update';
import { getMetrics, logMetrics } from './metrics';
import {
	aliasHistory,
	createModel,
	createVersion,
	deleteAlias,
	getModel,
	listModels,
	listModelVersions,
	patchModelStatus,
	setAlias
} from './models';
import { predictWithModel } from './predict';
import { createRun, getExperimentRun, listExperimentRuns, patchRun } from './runs';
import { createShare, listShares, revokeShare, viewShare } from './shares';

const V1 = '/api/v1';
const RUN = `${V1}/experiments/:id/runs/:runId`;

/** Registers the tracking routes on the API router. */
export function mountTracking(router: Router<AppContext>): Router<AppContext> {
	return router
		.on('PUT', `${V1}/experiments/:id`, (c, p) => updateExperiment(c, p.id!))
		.on('POST', `${V1}/experiments/:id/runs`, (c, p) => createRun(c, p.id!))
		.on('GET', `${V1}/experiments/:id/runs`, (c, p) => listExperimentRuns(c, p.id!))
		.on('GET', RUN, (c, p) => getExperimentRun(c, p.id!, p.runId!))
		.on('PATCH', RUN, (c, p) => patchRun(c, p.id!, p.runId!))
		.on('POST', `${RUN}/metrics`, (c, p) => logMetrics(c, p.id!, p.runId!))
		.on('GET', `${RUN}/metrics`, (c, p) => getMetrics(c, p.id!, p.runId!))
		.on('POST', `${RUN}/artifacts`, (c, p) => uploadArtifact(c, p.id!, p.runId!))
		.on('GET', `${RUN}/artifacts`, (c, p) => listRunArtifacts(c, p.id!, p.runId!))
		.on('GET', `${V1}/analytics/experiments/:id`, (c, p) => experimentAnalytics(c, p.id!))
		.on('POST', `${V1}/models`, createModel)
		.on('GET', `${V1}/models`, listModels)
		.on('GET', `${V1}/models/:id`, (c, p) => getModel(c, p.id!))
		.on('PATCH', `${V1}/models/:id`, (c, p) => patchModelStatus(c, p.id!))
		.on('POST', `${V1}/models/:id/versions`, (c, p) => createVersion(c, p.id!))
		.on('GET', `${V1}/models/:id/versions`, (c, p) => listModelVersions(c, p.id!))
		.on('GET', `${V1}/models/:id/aliases`, (c, p) => aliasHistory(c, p.id!))
		.on('PUT', `${V1}/models/:id/aliases/:alias`, (c, p) => setAlias(c, p.id!, p.alias!))
		.on('DELETE', `${V1}/models/:id/aliases/:alias`, (c, p) => deleteAlias(c, p.id!, p.alias!))
		.on('POST', `${V1}/models/:id/predict`, (c, p) => predictWithModel(c, p.id!))
		.on('POST', `${V1}/shares`, createShare)
		.on('GET', `${V1}/shares`, listShares)
		.on('GET', `${V1}/shares/:token`, (c, p) => viewShare(c, p.token!))
		.on('DELETE', `${V1}/shares/:token`, (c, p) => revokeShare(c, p.token!));
}

const EXP = '/api/v1/experiments/{id}';
const RUN_DOC = `${EXP}/runs/{runId}`;
const MODEL = '/api/v1/models/{id}';

/** OpenAPI descriptions of the routes mounted above (and of the extended `GET /experiments`). */
export const trackingRouteDocs: RouteDoc[] = [
	{
		method: 'GET',
		path: '/api/v1/experiments',
		summary:
			'List your experiments: filter by status and name (q), sort by created_at, name or best_score (Sharpe), keyset cursor per sort.',
		tag: 'experiments',
		auth: 'token',
		permission: 'experiments:read',
		query: ExperimentListQuery,
		response: VersionedExperimentList
	},
	{
		method: 'PUT',
		path: EXP,
		summary:
			'Replace an experiment if it is still at If-Match / base_version; 409 with details.server otherwise.',
		tag: 'experiments',
		auth: 'token',
		permission: 'experiments:create',
		body: ExperimentUpdate,
		response: VersionedExperiment
	},
	{
		method: 'POST',
		path: `${EXP}/runs`,
		summary: 'Start a run with its parameters.',
		tag: 'runs',
		auth: 'token',
		permission: 'runs:log',
		body: RunCreate,
		response: Run,
		status: 201
	},
	{
		method: 'GET',
		path: `${EXP}/runs`,
		summary: "The experiment's runs, newest first.",
		tag: 'runs',
		auth: 'token',
		permission: 'experiments:read',
		response: RunList
	},
	{
		method: 'GET',
		path: RUN_DOC,
		summary: 'One run.',
		tag: 'runs',
		auth: 'token',
		permission: 'experiments:read',
		response: Run
	},
	{
		method: 'PATCH',
		path: RUN_DOC,
		summary: 'Set run status and/or merge final metrics.',
		tag: 'runs',
		auth: 'token',
		permission: 'runs:log',
		body: RunPatch,
		response: Run
	},
	{
		method: 'POST',
		path: `${RUN_DOC}/metrics`,
		summary:
			'Log up to 5,000 metric points in one request; a repeated (name, step) overwrites (idempotent retries).',
		tag: 'runs',
		auth: 'token',
		permission: 'runs:log',
		body: MetricBatch,
		response: MetricBatchResult,
		status: 202
	},
	{
		method: 'GET',
		path: `${RUN_DOC}/metrics`,
		summary: 'Metric series (all or one name), downsampled to max_points.',
		tag: 'runs',
		auth: 'token',
		permission: 'experiments:read',
		query: MetricQuery,
		response: MetricSeriesList
	},
	{
		method: 'POST',
		path: `${RUN_DOC}/artifacts`,
		summary:
			'Upload an artifact: raw body (≤ 10 MiB), ?name=<file>; stored in R2 under its SHA-256. Names are immutable per run (409).',
		tag: 'runs',
		auth: 'token',
		permission: 'runs:log',
		query: z.object({ name: z.string() }),
		response: Artifact,
		status: 201
	},
	{
		method: 'GET',
		path: `${RUN_DOC}/artifacts`,
		summary: "The run's artifacts.",
		tag: 'runs',
		auth: 'token',
		permission: 'experiments:read',
		response: z.object({ items: z.array(Artifact) })
	},
	{
		method: 'GET',
		path: '/api/v1/analytics/experiments/{id}',
		summary:
			'Performance, training history, feature importance (if logged as feature_importance/<name>) and diagnostics.',
		tag: 'analytics',
		auth: 'token',
		permission: 'experiments:read',
		response: ExperimentAnalytics
	},
	{
		method: 'POST',
		path: '/api/v1/models',
		summary: 'Register a model with its card.',
		tag: 'models',
		auth: 'token',
		permission: 'models:create',
		body: ModelCreate,
		response: Model,
		status: 201
	},
	{
		method: 'GET',
		path: '/api/v1/models',
		summary: 'Your models, newest first.',
		tag: 'models',
		auth: 'token',
		permission: 'models:read',
		response: ModelList
	},
	{
		method: 'GET',
		path: MODEL,
		summary: 'One model.',
		tag: 'models',
		auth: 'token',
		permission: 'models:read',
		response: Model
	},
	{
		method: 'PATCH',
		path: MODEL,
		summary:
			'Change status along training → trained → deployed → archived; deployed/archived moves need models:promote (see registry/status-transitions.ts).',
		tag: 'models',
		auth: 'token',
		permission: 'models:create',
		body: ModelStatusPatch,
		response: Model
	},
	{
		method: 'POST',
		path: `${MODEL}/versions`,
		summary:
			'Add an immutable version: artifact as base64 (≤ 10 MiB decoded), SHA-256 content-addressed in R2; axon-dense-v1 weights are validated.',
		tag: 'models',
		auth: 'token',
		permission: 'models:create',
		body: ModelVersionCreate,
		response: ModelVersion,
		status: 201
	},
	{
		method: 'GET',
		path: `${MODEL}/versions`,
		summary: 'All versions, newest first.',
		tag: 'models',
		auth: 'token',
		permission: 'models:read',
		response: ModelVersionList
	},
	{
		method: 'GET',
		path: `${MODEL}/aliases`,
		summary: 'Current aliases and the audit trail of every move (who, when, from, to).',
		tag: 'models',
		auth: 'token',
		permission: 'models:read',
		response: AliasHistory
	},
	{
		method: 'PUT',
		path: `${MODEL}/aliases/{alias}`,
		summary: 'Point champion, challenger or a custom alias at a version.',
		tag: 'models',
		auth: 'token',
		permission: 'models:promote',
		body: AliasSet,
		response: ModelAlias
	},
	{
		method: 'DELETE',
		path: `${MODEL}/aliases/{alias}`,
		summary: 'Remove an alias (recorded in the trail).',
		tag: 'models',
		auth: 'token',
		permission: 'models:promote',
		status: 204
	},
	{
		method: 'POST',
		path: `${MODEL}/predict`,
		summary:
			'Predict at the edge with the pure-TS axon-dense-v1 runtime (dense/MLP with linear, relu, tanh, sigmoid, softmax; linear/logistic models; no conv/recurrent layers). Input length must equal input_size.',
		tag: 'models',
		auth: 'token',
		permission: 'models:predict',
		body: PredictRequest,
		response: PredictResponse
	},
	{
		method: 'POST',
		path: '/api/v1/shares',
		summary: 'Create a read-only, expiring link to one of your objects; the token is shown once.',
		tag: 'shares',
		auth: 'token',
		permission: 'shares:create',
		body: ShareCreate,
		response: ShareCreated,
		status: 201
	},
	{
		method: 'GET',
		path: '/api/v1/shares',
		summary: 'Your share links.',
		tag: 'shares',
		auth: 'token',
		permission: 'shares:create',
		response: ShareList
	},
	{
		method: 'DELETE',
		path: '/api/v1/shares/{id}',
		summary: 'Revoke a share link.',
		tag: 'shares',
		auth: 'token',
		permission: 'shares:create',
		status: 204
	},
	{
		method: 'GET',
		path: '/api/v1/shares/{token}',
		summary:
			'The shared object, read-only, without an account. 404 unknown or revoked, 410 expired.',
		tag: 'shares',
		auth: 'share',
		response: SharedView
	}
];
