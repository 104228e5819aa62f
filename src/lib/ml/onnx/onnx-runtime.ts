/**
 * Which onnxruntime-web build a browser loads. The default build's WebGPU binary (JSEP, 27 MiB) is
 * over the Cloudflare Workers 25 MiB asset limit, so the edge could not serve it. Instead:
 * - JSPI build (16.8 MiB; WebGPU and WASM providers) where WebAssembly JS Promise Integration
 *   exists (Chromium ≥ 137);
 * - WASM-only build (14.2 MiB) elsewhere.
 * Node gets the package's Node build (`import('onnxruntime-web')` under the `node` condition).
 */
import type { OrtRuntime } from './onnx-model';

/** True where the JSPI build can run. */
export const hasJspi = (): boolean =>
	typeof (WebAssembly as unknown as { Suspending?: unknown }).Suspending === 'function';

/**
 * @example
 * const ort = await loadOrtRuntime();
 * const r = await loadOnnxModel(ort, bytes);
 */
export async function loadOrtRuntime(): Promise<OrtRuntime> {
	const ort = hasJspi()
		? ((await import('onnxruntime-web/jspi')) as unknown as OrtRuntime)
		: ((await import('onnxruntime-web/wasm')) as unknown as OrtRuntime);
	// Threads need cross-origin isolation (SharedArrayBuffer), which the SPA does not set.
	ort.env.wasm.numThreads = 1;
	return ort;
}
