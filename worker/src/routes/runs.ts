/**
 * Runs of an experiment: `POST|GET /experiments/{id}/runs`, `GET|PATCH /experiments/{id}/runs/{runId}`.
 * Creating and closing runs needs `runs:log`; reading needs `experiments:read`. Owner-scoped (404).
 */
import { RunCreate, RunPatch, type Run, type RunList } from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { insertRunStatement, listRuns, newRun, patchRunStatement, runFromRow } from '../db/runs';
import { readJsonBody } from '../http/body';
import { jsonResponse } from '../http/respond';
import { ownedExperimentOr404, ownedRunOr404 } from './tracking-access';

export async function createRun(c: AppContext, experimentId: string): Promise<Response> {
	const user = await requirePermission(c, 'runs:log');
	await ownedExperimentOr404(c, user, experimentId);
	const input = await readJsonBody(c.request, RunCreate);
	const run = newRun(experimentId, input);
	await c.env.DB.batch([
		insertRunStatement(c.env.DB, run),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'run.create',
			targetType: 'run',
			targetId: run.id,
			ip: c.ip,
			details: { experiment_id: experimentId }
		})
	]);
	return jsonResponse(201, run satisfies Run, {
		Location: `/api/v1/experiments/${experimentId}/runs/${run.id}`
	});
}

export async function listExperimentRuns(c: AppContext, experimentId: string): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	await ownedExperimentOr404(c, user, experimentId);
	return jsonResponse(200, { items: await listRuns(c.env.DB, experimentId) } satisfies RunList);
}

export async function getExperimentRun(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	return jsonResponse(200, runFromRow(run) satisfies Run);
}

export async function patchRun(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'runs:log');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	const patch = await readJsonBody(c.request, RunPatch);
	const { statement, updated } = patchRunStatement(c.env.DB, run, patch);
	await c.env.DB.batch([
		statement,
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'run.update',
			targetType: 'run',
			targetId: run.id,
			ip: c.ip,
			details: { status: updated.status }
		})
	]);
	return jsonResponse(200, updated satisfies Run);
}
