/**
 * The ONNX worker's API: load a model from bytes, say what it is, predict. One model at a time;
 * every result is data (comlink drops error classes).
 */
import { err, ok, type Result } from '$lib/core/result';
import {
	loadOnnxModel,
	type OnnxModel,
	type OnnxProvider,
	type OnnxTensorInfo,
	type OrtRuntime
} from './onnx-model';
import { webGpuAdapterLabel } from './webgpu-adapter-label';

export interface OnnxDescription {
	provider: OnnxProvider;
	inputs: OnnxTensorInfo[];
	outputs: OnnxTensorInfo[];
	notice: string | null;
	/** For 'webgpu': what the adapter is ('software adapter (…), not a GPU' or 'GPU (…)'). */
	adapter: string | null;
}

/** `runtime` loads onnxruntime-web once, on first use (see onnx-runtime.ts). */
export function createOnnxApi(runtime: () => Promise<OrtRuntime>) {
	let ort: Promise<OrtRuntime> | null = null;
	let model: OnnxModel | null = null;
	return {
		async load(bytes: Uint8Array, providers?: OnnxProvider[]): Promise<Result<OnnxDescription>> {
			model?.dispose();
			model = null;
			const r = await loadOnnxModel(await (ort ??= runtime()), bytes, providers);
			if (!r.ok) return r;
			model = r.value;
			const { provider, inputs, outputs, notice } = model;
			const adapter = provider === 'webgpu' ? ((await webGpuAdapterLabel())?.label ?? null) : null;
			return ok({ provider, inputs, outputs, notice, adapter });
		},
		async predict(
			x: Float32Array,
			shape: number[]
		): Promise<Result<{ output: Float32Array; provider: OnnxProvider }>> {
			if (!model) return err('not_found', 'Load an ONNX model first.');
			try {
				return ok({ output: await model.predict(x, shape), provider: model.provider });
			} catch (e) {
				return err('bad_input', e instanceof Error ? e.message : String(e));
			}
		}
	};
}

export type OnnxApi = ReturnType<typeof createOnnxApi>;
