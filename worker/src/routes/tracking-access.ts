/**
 * Lookups shared by the tracking routes. Each one is owner-scoped and answers 404 for "missing" and
 * "someone else's" alike, so ids cannot be probed (IDOR).
 */
import type { VersionedExperiment } from '../../../src/lib/core/protocol';
import type { AuthUser } from '../auth/require-role';
import type { AppContext } from '../context';
import { getOwnedExperiment } from '../db/experiments';
import { getRun, type RunRow } from '../db/runs';
import { HttpError } from '../http/errors';

/** Ids are UUIDs we minted; anything longer is not ours and never reaches SQL. */
const plausibleId = (id: string) => id.length > 0 && id.length <= 64;

export async function ownedExperimentOr404(
	c: AppContext,
	user: AuthUser,
	id: string
): Promise<VersionedExperiment> {
	const e = plausibleId(id) ? await getOwnedExperiment(c.env.DB, user.id, id) : null;
	if (!e) throw new HttpError('not_found', 'No experiment with that id in your account.');
	return e;
}

export async function ownedRunOr404(
	c: AppContext,
	user: AuthUser,
	experimentId: string,
	runId: string
): Promise<RunRow> {
	await ownedExperimentOr404(c, user, experimentId);
	const run = plausibleId(runId) ? await getRun(c.env.DB, experimentId, runId) : null;
	if (!run) throw new HttpError('not_found', 'No run with that id in this experiment.');
	return run;
}
