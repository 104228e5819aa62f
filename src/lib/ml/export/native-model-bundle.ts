/**
 * Export and import of native (tfjs) models as a bundle of four files: `model.json` (the tfjs
 * layers format, loadable by `tf.loadLayersModel`), `weights.bin`, `spec.json` (the model spec, if
 * any) and `card.json` (the metadata card). Import validates the card with the protocol schema:
 * a bundle is a file from outside, a trust boundary.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelCard, type ModelCardInput } from '$lib/core/protocol/training';
import { err, ok, type Result } from '$lib/core/result';
import { loadCheckpoint, saveCheckpoint } from '../checkpoint';

export const WEIGHTS_FILE = 'weights.bin';

export interface NativeModelBundle {
	/** tfjs `model.json`: topology plus a manifest pointing at `weights.bin`. */
	modelJson: {
		format: 'layers-model';
		generatedBy: string;
		convertedBy: null;
		modelTopology: object;
		weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
	};
	weights: ArrayBuffer;
	spec: unknown;
	card: ModelCard;
}

/**
 * @example
 * const bundle = await exportNativeModel(model, { spec, card: { name: 'gru-7', task: 'regression', ... } });
 * await writeFile('out/model.json', JSON.stringify(bundle.modelJson));
 */
export async function exportNativeModel(
	model: tf.LayersModel,
	meta: {
		spec?: unknown;
		card: Omit<
			ModelCardInput,
			'format' | 'framework' | 'inputShape' | 'outputShape' | 'paramCount' | 'createdAt'
		> & { createdAt?: string };
	}
): Promise<NativeModelBundle> {
	const ckpt = await saveCheckpoint(model);
	const shapeOf = (s: tf.Shape) => s.slice(1).map((d) => d ?? 1);
	const card = ModelCard.parse({
		format: 'axon-model-card/1',
		framework: `tfjs ${tf.version.tfjs}`,
		createdAt: meta.card.createdAt ?? new Date().toISOString(),
		inputShape: shapeOf(model.inputs[0].shape),
		outputShape: shapeOf(model.outputs[0].shape),
		paramCount: model.countParams(),
		...meta.card
	});
	return {
		modelJson: {
			format: 'layers-model',
			generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
			convertedBy: null,
			modelTopology: ckpt.modelTopology,
			weightsManifest: [{ paths: [WEIGHTS_FILE], weights: ckpt.weightSpecs }]
		},
		weights: ckpt.weightData,
		spec: meta.spec ?? null,
		card
	};
}

/**
 * Rebuilds a model from an exported bundle's files (parsed JSON and the weights' bytes).
 *
 * @example
 * const r = await importNativeModel({ modelJson, weights, card });
 * if (r.ok) r.value.model.predict(x);
 */
export async function importNativeModel(files: {
	modelJson: unknown;
	weights: ArrayBuffer;
	card: unknown;
	spec?: unknown;
}): Promise<Result<{ model: tf.LayersModel; card: ModelCard; spec: unknown }>> {
	const card = ModelCard.safeParse(files.card);
	if (!card.success) {
		const i = card.error.issues[0];
		return err(
			'bad_input',
			`card.json is not an AXON model card (${i.path.join('.')}: ${i.message}).`
		);
	}
	const mj = files.modelJson as Partial<NativeModelBundle['modelJson']> | null;
	const weights = mj?.weightsManifest?.flatMap((g) => g.weights);
	if (!mj || typeof mj.modelTopology !== 'object' || !weights) {
		return err(
			'bad_input',
			'model.json has no topology or weights manifest; export the model again.'
		);
	}
	try {
		const model = await loadCheckpoint({
			format: 'tfjs-layers',
			modelTopology: mj.modelTopology,
			weightSpecs: weights,
			weightData: files.weights
		});
		return ok({ model, card: card.data, spec: files.spec ?? null });
	} catch (e) {
		return err('bad_input', e instanceof Error ? e.message : String(e));
	}
}
