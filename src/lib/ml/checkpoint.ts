/**
 * Model checkpoints as plain, structured-cloneable data (JSON topology + one ArrayBuffer of weights),
 * so the worker can put them in IndexedDB or post them to the page without tfjs's own storage.
 */
import * as tf from '@tensorflow/tfjs';

export interface Checkpoint {
	/** The Keras-style model JSON tfjs-layers writes. */
	modelTopology: object;
	weightSpecs: tf.io.WeightsManifestEntry[];
	/** All weights, concatenated in `weightSpecs` order. */
	weightData: ArrayBuffer;
	format: 'tfjs-layers';
}

/**
 * Serialises a model's architecture and current weights (not the optimiser state: a checkpoint
 * restores a model for inference or fine-tuning, not a paused Adam run).
 *
 * @example
 * const ckpt = await saveCheckpoint(model);
 * await db.checkpoints.put({ runId, ...ckpt }); // the worker's Dexie table
 */
export async function saveCheckpoint(model: tf.LayersModel): Promise<Checkpoint> {
	let saved: tf.io.ModelArtifacts | undefined;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			saved = artifacts;
			return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
		})
	);
	if (!saved || !saved.modelTopology || saved.modelTopology instanceof ArrayBuffer) {
		throw new Error('tfjs produced no JSON model topology; only LayersModels can be checkpointed.');
	}
	return {
		modelTopology: saved.modelTopology,
		weightSpecs: saved.weightSpecs ?? [],
		// tfjs ≥ 4.10 may hand weights over in several buffers; one buffer stores and clones simply.
		weightData: saved.weightData
			? tf.io.CompositeArrayBuffer.join(saved.weightData)
			: new ArrayBuffer(0),
		format: 'tfjs-layers'
	};
}

/**
 * Rebuilds a model from `saveCheckpoint` output. Checkpoints come back from storage, a trust
 * boundary, so the shape is checked first; a mismatch throws with a message saying what is wrong.
 *
 * @example
 * const model = await loadCheckpoint(await db.checkpoints.get(runId));
 */
export async function loadCheckpoint(checkpoint: Checkpoint): Promise<tf.LayersModel> {
	const c = checkpoint as Partial<Checkpoint> | null | undefined;
	if (c?.format !== 'tfjs-layers') {
		throw new Error(
			`Unknown checkpoint format ${JSON.stringify(c?.format)}; expected 'tfjs-layers'.`
		);
	}
	if (typeof c.modelTopology !== 'object' || c.modelTopology === null) {
		throw new Error('The checkpoint has no model topology.');
	}
	if (!Array.isArray(c.weightSpecs) || !(c.weightData instanceof ArrayBuffer)) {
		throw new Error('The checkpoint has no weights.');
	}
	const expectedBytes = c.weightSpecs.reduce(
		(n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPerValue(s),
		0
	);
	if (expectedBytes !== c.weightData.byteLength) {
		throw new Error(
			`The checkpoint's weights are ${c.weightData.byteLength} bytes; its specs need ${expectedBytes}. It is damaged.`
		);
	}
	return tf.loadLayersModel(
		tf.io.fromMemory({
			modelTopology: c.modelTopology,
			weightSpecs: c.weightSpecs,
			weightData: c.weightData
		})
	);
}

/** Stored bytes per value: the quantised width when quantised, else 1 for bool and 4 otherwise. */
function bytesPerValue(spec: tf.io.WeightsManifestEntry): number {
	const q = spec.quantization?.dtype;
	if (q) return q === 'uint8' ? 1 : 2;
	return spec.dtype === 'bool' ? 1 : 4;
}
