/**
 * `POST /experiments/{id}/runs/{runId}/artifacts?name=<file>`: the raw bytes are the body (any
 * Content-Type, at most 10 MiB), hashed with SHA-256 and stored in R2 under the hash. A raw body, not
 * multipart or base64, so an upload is streamed and counted without a 33% encoding overhead.
 * `GET` lists the run's artifacts.
 */
import { z } from 'zod';
import { ArtifactName, type Artifact } from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import {
	artifactKey,
	artifactNameTaken,
	insertArtifactStatement,
	listArtifacts
} from '../db/artifacts';
import { auditStatement } from '../db/audit';
import { parseWith } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { readBoundedUpload, sha256Hex } from './read-bytes';
import { ownedRunOr404 } from './tracking-access';

export const MAX_RUN_ARTIFACT_BYTES = 10 * 1024 * 1024;

const ArtifactQuery = z.object({ name: ArtifactName });
const ContentType = z
	.string()
	.regex(/^[\w.+-]+\/[\w.+-]+$/)
	.max(100);

export async function uploadArtifact(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'runs:log');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	const { name } = parseWith(ArtifactQuery, Object.fromEntries(c.url.searchParams), 'query');
	const declaredType = (c.request.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
	const contentType = ContentType.safeParse(declaredType).success
		? declaredType
		: 'application/octet-stream';
	if (await artifactNameTaken(c.env.DB, run.id, name)) {
		throw new HttpError(
			'conflict',
			`This run already has an artifact named ${name}; artifacts are immutable.`
		);
	}
	const bytes = await readBoundedUpload(c.request, MAX_RUN_ARTIFACT_BYTES);
	const sha256 = await sha256Hex(bytes);
	const artifact: Artifact = {
		id: crypto.randomUUID(),
		run_id: run.id,
		name,
		content_type: contentType,
		sha256,
		size_bytes: bytes.byteLength,
		created_at: new Date().toISOString()
	};
	// R2 first: if D1 then fails, the orphan is content-addressed and harmless; the reverse order
	// could leave a row pointing at nothing.
	await c.env.ARTIFACTS.put(artifactKey(sha256), bytes, {
		httpMetadata: { contentType },
		sha256
	});
	await c.env.DB.batch([
		insertArtifactStatement(c.env.DB, artifact, user.id),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'run.artifact.upload',
			targetType: 'run',
			targetId: run.id,
			ip: c.ip,
			details: { name, sha256, size_bytes: bytes.byteLength }
		})
	]);
	return jsonResponse(201, artifact);
}

export async function listRunArtifacts(
	c: AppContext,
	experimentId: string,
	runId: string
): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const run = await ownedRunOr404(c, user, experimentId, runId);
	return jsonResponse(200, { items: await listArtifacts(c.env.DB, run.id) });
}
