/**
 * The model registry: `GET|POST /models`, `GET|PATCH /models/{id}` (status transitions), versions
 * (`GET|POST /models/{id}/versions`), aliases (`PUT|DELETE /models/{id}/aliases/{alias}`,
 * `GET /models/{id}/aliases` with the audit trail of every move). Owner-scoped (404 for others').
 *
 * Versions are immutable: a POST always adds version n+1; there is no PUT or DELETE. The upload is
 * JSON with the artifact in base64 (one request carries bytes, metadata and metrics together, and the
 * shared zod schema validates all of it); decoded artifacts above 10 MiB are refused with 413.
 */
import {
	AliasName,
	AliasSet,
	DenseWeights,
	ListQuery,
	MAX_MODEL_ARTIFACT_BYTES,
	ModelCreate,
	ModelStatusPatch,
	ModelVersionCreate,
	type AliasHistory,
	type Model,
	type ModelList,
	type ModelVersion,
	type ModelVersionList
} from '../../../src/lib/core/protocol';
import { assertCan, requirePermission, type AuthUser } from '../auth/require-role';
import type { AppContext } from '../context';
import { artifactKey } from '../db/artifacts';
import { auditStatement } from '../db/audit';
import { decodeCursor } from '../db/cursor';
import { getOwnedExperiment } from '../db/experiments';
import {
	aliasEvents,
	bumpBestScoreStatement,
	deleteAliasStatement,
	getAlias,
	getOwnedModel,
	getVersionById,
	getVersionRow,
	insertModelStatement,
	insertVersionStatement,
	listAliases,
	listOwnedModels,
	listVersions,
	newModel,
	setModelStatusStatement,
	upsertAliasStatement,
	versionFromRow
} from '../db/models';
import { parseWith, readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { checkShapes } from '../inference/dense-runtime';
import { allowedNext, transitionPermission } from '../registry/status-transitions';
import { sha256Hex } from './read-bytes';

/** base64 is 4 bytes per 3; plus room for metadata. Larger bodies are refused before parsing. */
const MAX_VERSION_BODY_BYTES = Math.ceil(MAX_MODEL_ARTIFACT_BYTES / 3) * 4 + 256 * 1024;

export async function ownedModelOr404(c: AppContext, user: AuthUser, id: string): Promise<Model> {
	const model = id.length <= 64 ? await getOwnedModel(c.env.DB, user.id, id) : null;
	if (!model) throw new HttpError('not_found', 'No model with that id in your account.');
	return model;
}

export async function createModel(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'models:create');
	const input = await readJsonBody(c.request, ModelCreate);
	if (input.experiment_id && !(await getOwnedExperiment(c.env.DB, user.id, input.experiment_id))) {
		throw new HttpError('not_found', 'No experiment with that id in your account.');
	}
	const model = newModel(user.id, input);
	await c.env.DB.batch([
		insertModelStatement(c.env.DB, model),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'model.create',
			targetType: 'model',
			targetId: model.id,
			ip: c.ip
		})
	]);
	return jsonResponse(201, model satisfies Model, { Location: `/api/v1/models/${model.id}` });
}

export async function listModels(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'models:read');
	const query = parseWith(
		ListQuery.omit({ status: true }),
		Object.fromEntries(c.url.searchParams),
		'query'
	);
	const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
	if (after === null)
		throw new HttpError('bad_input', 'The cursor is not valid; start again without one.');
	const page = await listOwnedModels(c.env.DB, user.id, { limit: query.limit, after });
	return jsonResponse(200, page satisfies ModelList);
}

export async function getModel(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'models:read');
	return jsonResponse(200, await ownedModelOr404(c, user, id));
}

export async function patchModelStatus(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'models:read');
	const model = await ownedModelOr404(c, user, id);
	const { status } = await readJsonBody(c.request, ModelStatusPatch);
	const needed = transitionPermission(model.status, status);
	if (!needed) {
		throw new HttpError('conflict', `A ${model.status} model cannot become ${status}.`, {
			from: model.status,
			allowed: allowedNext(model.status)
		});
	}
	assertCan(user, needed);
	const now = new Date().toISOString();
	const [update] = await c.env.DB.batch([
		setModelStatusStatement(c.env.DB, id, model.status, status, now),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'model.status',
			targetType: 'model',
			targetId: id,
			ip: c.ip,
			details: { from: model.status, to: status }
		})
	]);
	if (!update || update.meta.changes !== 1)
		throw new HttpError('conflict', 'The status changed meanwhile; reload and retry.');
	return jsonResponse(200, { ...model, status, updated_at: now } satisfies Model);
}

export async function createVersion(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'models:create');
	const model = await ownedModelOr404(c, user, id);
	const input = await readJsonBody(c.request, ModelVersionCreate, MAX_VERSION_BODY_BYTES);
	const bytes = decodeBase64(input.artifact_base64);
	if (bytes.byteLength > MAX_MODEL_ARTIFACT_BYTES) {
		throw new HttpError('too_large', 'The artifact is larger than 10 MiB.', {
			max_bytes: MAX_MODEL_ARTIFACT_BYTES
		});
	}
	if (input.format === 'axon-dense-v1') assertServable(bytes);
	const sha256 = await sha256Hex(bytes);
	const key = artifactKey(sha256);
	await c.env.ARTIFACTS.put(key, bytes, {
		httpMetadata: { contentType: input.content_type },
		sha256
	});
	const versionId = crypto.randomUUID();
	const now = new Date().toISOString();
	await c.env.DB.batch([
		insertVersionStatement(c.env.DB, {
			id: versionId,
			modelId: model.id,
			format: input.format,
			key,
			sha256,
			sizeBytes: bytes.byteLength,
			metadata: input.metadata,
			metrics: input.metrics,
			performanceScore: input.performance_score ?? null,
			createdBy: user.id,
			createdAt: now
		}),
		bumpBestScoreStatement(c.env.DB, model.id, now),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'model.version.create',
			targetType: 'model',
			targetId: model.id,
			ip: c.ip,
			details: { version_id: versionId, sha256, size_bytes: bytes.byteLength }
		})
	]);
	const row = await getVersionById(c.env.DB, versionId);
	if (!row) throw new Error('model version vanished after insert');
	const version = versionFromRow(row);
	return jsonResponse(201, version satisfies ModelVersion, {
		Location: `/api/v1/models/${model.id}/versions/${version.version}`
	});
}

export async function listModelVersions(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'models:read');
	const model = await ownedModelOr404(c, user, id);
	return jsonResponse(200, {
		items: await listVersions(c.env.DB, model.id)
	} satisfies ModelVersionList);
}

export async function setAlias(c: AppContext, id: string, aliasParam: string): Promise<Response> {
	const user = await requirePermission(c, 'models:promote');
	const model = await ownedModelOr404(c, user, id);
	const alias = parseWith(AliasName, aliasParam, 'alias');
	const { version } = await readJsonBody(c.request, AliasSet);
	if (!(await getVersionRow(c.env.DB, model.id, version))) {
		throw new HttpError('not_found', `Model has no version ${version}.`);
	}
	const previous = await getAlias(c.env.DB, model.id, alias);
	const now = new Date().toISOString();
	await c.env.DB.batch([
		upsertAliasStatement(c.env.DB, model.id, alias, version, user.id, now),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'model.alias.set',
			targetType: 'model',
			targetId: model.id,
			ip: c.ip,
			details: { alias, from_version: previous?.version ?? null, to_version: version }
		})
	]);
	return jsonResponse(200, { alias, version, updated_by: user.id, updated_at: now });
}

export async function deleteAlias(
	c: AppContext,
	id: string,
	aliasParam: string
): Promise<Response> {
	const user = await requirePermission(c, 'models:promote');
	const model = await ownedModelOr404(c, user, id);
	const alias = parseWith(AliasName, aliasParam, 'alias');
	const previous = await getAlias(c.env.DB, model.id, alias);
	if (!previous) throw new HttpError('not_found', `No alias ${alias} on this model.`);
	await c.env.DB.batch([
		deleteAliasStatement(c.env.DB, model.id, alias),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'model.alias.delete',
			targetType: 'model',
			targetId: model.id,
			ip: c.ip,
			details: { alias, from_version: previous.version, to_version: null }
		})
	]);
	return new Response(null, { status: 204 });
}

export async function aliasHistory(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'models:read');
	const model = await ownedModelOr404(c, user, id);
	const body: AliasHistory = {
		aliases: await listAliases(c.env.DB, model.id),
		events: await aliasEvents(c.env.DB, model.id)
	};
	return jsonResponse(200, body);
}

function decodeBase64(b64: string): Uint8Array {
	if (b64.length % 4 !== 0)
		throw new HttpError('bad_input', 'artifact_base64 is not padded base64.');
	// Checked before decoding: the decoded size follows from the length.
	if (
		(b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0) >
		MAX_MODEL_ARTIFACT_BYTES
	) {
		throw new HttpError('too_large', 'The artifact is larger than 10 MiB.', {
			max_bytes: MAX_MODEL_ARTIFACT_BYTES
		});
	}
	return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}

/** An `axon-dense-v1` artifact must parse and chain, or predict would fail later, far from the cause. */
function assertServable(bytes: Uint8Array): void {
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
	} catch {
		throw new HttpError('bad_input', 'An axon-dense-v1 artifact must be UTF-8 JSON.');
	}
	const weights = parseWith(DenseWeights, json, 'axon-dense-v1 weights');
	const problem = checkShapes(weights);
	if (problem) throw new HttpError('bad_input', `The weights do not chain: ${problem}.`);
}
