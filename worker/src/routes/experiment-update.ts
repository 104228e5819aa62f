/**
 * `PUT /api/v1/experiments/{id}`: replace an experiment, optimistically. The client says which version
 * it edited (`If-Match: "3"` or `base_version: 3`); if the server has moved on, nothing is written and
 * the answer is 409 with the server copy in `details.server`, so the browser can show both and merge.
 */
import { ExperimentUpdate, type VersionedExperiment } from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditIfStatement } from '../db/audit-if';
import { getOwnedExperiment, updateExperimentStatement } from '../db/experiments';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { ownedExperimentOr404 } from './tracking-access';

/** `"3"`, `W/"3"` or `3` → 3; anything else → null. */
export function versionFromIfMatch(header: string | null): number | null {
	const m = header?.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
	return m ? Number(m[1]) : null;
}

export async function updateExperiment(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'experiments:create');
	const current = await ownedExperimentOr404(c, user, id);
	const { base_version, ...input } = await readJsonBody(c.request, ExperimentUpdate);
	const base = base_version ?? versionFromIfMatch(c.request.headers.get('If-Match'));
	if (base === null) {
		throw new HttpError('bad_input', 'Say which version you edited: If-Match or base_version.', {
			issues: [{ path: 'base_version', message: 'required (or an If-Match header)' }]
		});
	}
	if (base !== current.version) throw conflict(current);
	const now = new Date().toISOString();
	const [update] = await c.env.DB.batch([
		updateExperimentStatement(c.env.DB, user.id, id, base, input, now),
		// The audit row is written only if the guarded UPDATE above applied (same transaction).
		auditIfStatement(
			c.env.DB,
			{
				actorId: user.id,
				action: 'experiment.update',
				targetType: 'experiment',
				targetId: id,
				ip: c.ip,
				details: { from_version: base, to_version: base + 1 }
			},
			{
				sql: 'SELECT 1 FROM experiments WHERE id = ? AND version = ? AND updated_at = ?',
				binds: [id, base + 1, now]
			}
		)
	]);
	if (!update || update.meta.changes !== 1) {
		// Lost a race between our read and the write: D1 committed the batch, but the UPDATE matched
		// no row; report the conflict with the winner's copy.
		const latest = await getOwnedExperiment(c.env.DB, user.id, id);
		if (!latest) throw new HttpError('not_found', 'No experiment with that id in your account.');
		throw conflict(latest);
	}
	const updated: VersionedExperiment = {
		...input,
		id,
		owner_id: user.id,
		created_at: current.created_at,
		updated_at: now,
		version: base + 1
	};
	return jsonResponse(200, updated, { ETag: `"${updated.version}"` });
}

function conflict(server: VersionedExperiment): HttpError {
	return new HttpError(
		'conflict',
		`Someone saved version ${server.version} after the version you edited; merge and retry.`,
		{ server },
		{ ETag: `"${server.version}"` }
	);
}
