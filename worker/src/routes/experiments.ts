/**
 * `/api/v1/experiments`: create, list (caller's own; filter by status and name, sort by date, name or
 * best score; keyset cursor per sort) and get by id. Someone else's experiment is a 404, never a 403,
 * so ids cannot be probed for existence. The version (optimistic concurrency, PUT in
 * experiment-update.ts) travels as an `ETag`; list items also carry it in the body.
 */
import {
	ExperimentCreate,
	ExperimentListQuery,
	type Experiment,
	type ExperimentList
} from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import {
	getOwnedExperiment,
	insertExperimentStatement,
	listOwnedExperiments,
	newExperiment
} from '../db/experiments';
import { decodeSortCursor } from '../db/sort-cursor';
import { parseWith, readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';

export async function createExperiment(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'experiments:create');
	const input = await readJsonBody(c.request, ExperimentCreate);
	const experiment = newExperiment(user.id, input);
	// One batch = one transaction: the experiment and its audit row are stored together or not at all.
	await c.env.DB.batch([
		insertExperimentStatement(c.env.DB, experiment),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'experiment.create',
			targetType: 'experiment',
			targetId: experiment.id,
			ip: c.ip
		})
	]);
	return jsonResponse(201, experiment satisfies Experiment, {
		Location: `/api/v1/experiments/${experiment.id}`,
		ETag: `"${experiment.version}"`
	});
}

export async function listExperiments(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const query = parseWith(ExperimentListQuery, Object.fromEntries(c.url.searchParams), 'query');
	const after =
		query.cursor === undefined
			? undefined
			: decodeSortCursor(query.cursor, query.sort, query.order);
	if (after === null) {
		throw new HttpError('bad_input', 'The cursor is not valid; start again without one.', {
			issues: [{ path: 'cursor', message: 'unrecognised cursor' }]
		});
	}
	const page = await listOwnedExperiments(c.env.DB, user.id, {
		limit: query.limit,
		after,
		status: query.status,
		sort: query.sort,
		order: query.order,
		q: query.q
	});
	return jsonResponse(200, page satisfies ExperimentList);
}

export async function getExperiment(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const experiment = id.length <= 64 ? await getOwnedExperiment(c.env.DB, user.id, id) : null;
	if (!experiment) throw new HttpError('not_found', 'No experiment with that id in your account.');
	// The body keeps the foundation's shape; the version is the ETag (If-Match for PUT).
	const { version, ...body } = experiment;
	return jsonResponse(200, body satisfies Experiment, { ETag: `"${version}"` });
}
