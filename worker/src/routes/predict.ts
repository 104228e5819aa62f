/**
 * `POST /api/v1/models/{id}/predict`: serves small models at the edge with the pure-TS runtime in
 * worker/src/inference/dense-runtime.ts (format `axon-dense-v1`: MLPs and linear/logistic models;
 * see that file for why not tfjs/ORT and what is not supported). The version is `version`, else
 * `alias`, else the `champion` alias, else the latest. The input must have exactly `input_size`
 * finite numbers. `processing_time_ms` covers loading the weights and inference; workerd's clock only
 * advances across I/O, so a cached, purely computational prediction honestly reports ~0.
 */
import { PredictRequest, type PredictResponse } from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { getAlias, getVersionRow, latestVersionRow, type VersionRow } from '../db/models';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { featureImportance, predict } from '../inference/dense-runtime';
import { loadWeights } from '../inference/load-weights';
import { ownedModelOr404 } from './models';

export async function predictWithModel(c: AppContext, id: string): Promise<Response> {
	const started = performance.now();
	const user = await requirePermission(c, 'models:predict');
	const model = await ownedModelOr404(c, user, id);
	const input = await readJsonBody(c.request, PredictRequest);
	const row = await resolveVersion(c.env.DB, model.id, input);
	if (row.format !== 'axon-dense-v1' || !row.artifact_key || !row.sha256) {
		throw new HttpError(
			'bad_input',
			`Version ${row.version} is not in a format the edge can serve (axon-dense-v1).`
		);
	}
	const weights = await loadWeights(c.env.ARTIFACTS, row.artifact_key, row.sha256);
	if (!weights) throw new Error(`artifact ${row.artifact_key} missing or unreadable`);
	if (input.features.length !== weights.input_size) {
		throw new HttpError(
			'bad_input',
			`This model takes exactly ${weights.input_size} features; you sent ${input.features.length}.`,
			{
				issues: [{ path: 'features', message: `expected length ${weights.input_size}` }]
			}
		);
	}
	const { output, confidence } = predict(weights, input.features);
	const body: PredictResponse = {
		prediction: output,
		confidence,
		...(input.explain
			? {
					feature_importance: featureImportance(weights, input.features).map((importance, i) => ({
						feature: weights.feature_names?.[i] ?? `f${i}`,
						importance
					}))
				}
			: {}),
		model_version: row.version,
		runtime: 'axon-dense-v1',
		processing_time_ms: performance.now() - started
	};
	return jsonResponse(200, body);
}

async function resolveVersion(
	db: D1Database,
	modelId: string,
	input: { version?: number; alias?: string }
): Promise<VersionRow> {
	if (input.version !== undefined) {
		const row = await getVersionRow(db, modelId, input.version);
		if (!row) throw new HttpError('not_found', `Model has no version ${input.version}.`);
		return row;
	}
	const alias = await getAlias(db, modelId, input.alias ?? 'champion');
	if (input.alias && !alias)
		throw new HttpError('not_found', `No alias ${input.alias} on this model.`);
	const row = alias
		? await getVersionRow(db, modelId, alias.version)
		: await latestVersionRow(db, modelId);
	if (!row) throw new HttpError('not_found', 'This model has no versions to serve yet.');
	return row;
}
