/**
 * Loads an arena model artifact (an ONNX file or a native tfjs bundle, as stored in IndexedDB)
 * behind the common `Predictor` interface, and describes it for the session form.
 */
import { err, ok, type Result } from '$lib/core/result';
import type { ModelArtifactRecord } from '$lib/store/records-model';
import { importNativeModel } from './export/native-model-bundle';
import { nativePredictor } from './export/native-predictor';
import { loadOnnxModel, type OrtRuntime } from './onnx/onnx-model';
import type { Predictor } from './onnx/predictor';

export interface LoadedModel {
	predictor: Predictor;
	/** The declared input shape, batch first (symbolic dimensions as strings). */
	inputShape: (number | string | null)[];
	outputShape: (number | string | null)[];
}

export type ModelLoader = (
	artifact: Pick<ModelArtifactRecord, 'format' | 'onnx' | 'tfjs' | 'name'>
) => Promise<Result<LoadedModel>>;

/**
 * @param ort loads onnxruntime-web once (browser: `loadOrtRuntime`; Node: the package's Node build).
 * @example
 * const load = createModelLoader(loadOrtRuntime);
 * const m = await load({ format: 'onnx', onnx: bytes, name: 'tiny-lstm' });
 */
export function createModelLoader(ort: () => Promise<OrtRuntime>): ModelLoader {
	let runtime: Promise<OrtRuntime> | null = null;
	return async (artifact) => {
		const name = artifact.name ?? 'The model';
		if (artifact.format === 'onnx' && artifact.onnx) {
			// WASM provider: the arena runs many small batches, and a software WebGPU adapter would
			// only be slower; the engine string says what ran.
			const r = await loadOnnxModel(await (runtime ??= ort()), new Uint8Array(artifact.onnx), [
				'wasm'
			]);
			if (!r.ok) return err('bad_input', `${name}: ${r.message}`);
			const [input] = r.value.inputs;
			const [output] = r.value.outputs;
			if (!input || !output)
				return err('bad_input', `${name}: the model has no tensor input or output.`);
			return ok({ predictor: r.value, inputShape: input.shape, outputShape: output.shape });
		}
		if (artifact.format === 'tfjs' && artifact.tfjs) {
			const r = await importNativeModel(artifact.tfjs);
			if (!r.ok) return err('bad_input', `${name}: ${r.message}`);
			const { model } = r.value;
			const shape = (s: readonly (number | null)[]) => s.map((d) => d ?? 'batch');
			return ok({
				predictor: nativePredictor(model),
				inputShape: shape(model.inputs[0].shape),
				outputShape: shape(model.outputs[0].shape)
			});
		}
		return err('bad_input', `${name}: neither an ONNX file nor a native model bundle.`);
	};
}
