/**
 * Picks the tfjs backend a training run uses and says honestly what it is. A WebGPU adapter can be a
 * software rasteriser (SwiftShader, llvmpipe, WARP): correct, but it is the CPU pretending, so it is
 * reported as `software` and never presented as a GPU.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmBackend } from './wasm-backend';

export type BackendPreference = 'webgpu' | 'wasm' | 'cpu' | 'auto';

/** What `GPUAdapter.info` says about the adapter; empty strings where the browser withholds it. */
export interface AdapterDescription {
	vendor: string;
	architecture: string;
	description: string;
}

export interface BackendSelection {
	/** `tf.getBackend()` after selection: the backend that will actually run. */
	backend: string;
	/** The WebGPU adapter in use; absent when the backend is not 'webgpu'. */
	adapter?: AdapterDescription;
	/** True unless a hardware GPU does the work: CPU or WASM backend, fallback or software adapter. */
	software: boolean;
	/** A sentence for the user when the choice differs from what they asked for, or is slow. */
	notice?: string;
}

export interface SelectBackendOptions {
	/**
	 * With 'auto', use WebGPU even when the only adapter is a software one. Off by default because it
	 * is ~100× slower: a training step of an 8-unit RNN (batch 16, window 8, 4 features) took 13–14 ms
	 * on the CPU backend and 1.3 s (LSTM) / 2.4 s (GRU) on WebGPU over SwiftShader, Node 20, 2 cores.
	 * 'webgpu' always accepts a software adapter, since the user asked for it, and says so.
	 */
	allowSoftwareAdapter?: boolean;
}

/** Names that only software implementations of WebGPU/Vulkan/D3D report. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

/**
 * Selects and initialises a tfjs backend: WebGPU when asked for (or on 'auto') and available, WASM
 * (XNNPACK, SIMD where supported) when asked for, otherwise the CPU backend with a `notice` that says
 * why.
 *
 * `@tensorflow/tfjs-backend-webgpu` registers itself on import only if `navigator.gpu` exists, so it
 * is imported here, lazily, after that check (in Node, define `navigator.gpu` first; see
 * `node-webgpu.ts`).
 *
 * @example
 * const sel = await selectBackend('auto');
 * console.log(sel.backend, sel.software ? '(software)' : '', sel.notice ?? '');
 */
export async function selectBackend(
	preference: BackendPreference,
	opts: SelectBackendOptions = {}
): Promise<BackendSelection> {
	if (preference === 'cpu') return useCpu();
	if (preference === 'wasm') return useWasm();

	const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
	if (!gpu)
		return useCpu('WebGPU is not available here (no navigator.gpu); training runs on the CPU.');

	// Imported before the adapter probe: it registers the WEBGPU_USE_LOW_POWER_GPU flag we read, and the
	// probe must ask for the same power preference as the backend's own requestAdapter() so that the
	// adapter described is the adapter used.
	await import('@tensorflow/tfjs-backend-webgpu');
	const powerPreference: GPUPowerPreference = tf.env().getBool('WEBGPU_USE_LOW_POWER_GPU')
		? 'low-power'
		: 'high-performance';

	let adapter: GPUAdapter | null = null;
	try {
		adapter = await gpu.requestAdapter({ powerPreference });
	} catch {
		adapter = null;
	}
	if (!adapter) return useCpu('No WebGPU adapter was found; training runs on the CPU.');

	const { description, fallback } = await describeAdapter(adapter);
	const software = fallback || isSoftwareAdapter(description);
	const label =
		description.description || description.architecture || description.vendor || 'unknown';

	if (software && preference === 'auto' && !opts.allowSoftwareAdapter) {
		return useCpu(
			`The only WebGPU adapter is a software one (${label}); the CPU backend is faster, so training runs on the CPU.`
		);
	}
	if (!tf.findBackendFactory('webgpu')) {
		return useCpu('The WebGPU backend did not register; training runs on the CPU.');
	}
	// setBackend resolves false (and logs the cause) when the device cannot be created.
	if (!(await tf.setBackend('webgpu'))) {
		return useCpu('The WebGPU backend failed to start; training runs on the CPU.');
	}
	return {
		backend: tf.getBackend(),
		adapter: description,
		software,
		...(software
			? {
					notice: `WebGPU runs on a software adapter (${label}), not a GPU: results are correct but slow.`
				}
			: {})
	};
}

/**
 * True when an adapter's self-description names a software implementation.
 *
 * @example
 * isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader', description: '' }); // true
 */
export function isSoftwareAdapter(d: AdapterDescription): boolean {
	return SOFTWARE_ADAPTER.test(`${d.vendor} ${d.architecture} ${d.description}`);
}

async function useWasm(): Promise<BackendSelection> {
	const registered = await registerWasmBackend();
	if (!registered.ok) return useCpu(`${registered.message} Training runs on the CPU.`);
	// setBackend resolves false (and logs the cause) when the binary cannot be fetched or compiled.
	if (!(await tf.setBackend('wasm'))) {
		return useCpu('The WASM backend failed to start; training runs on the CPU.');
	}
	return { backend: tf.getBackend(), software: true };
}

async function useCpu(notice?: string): Promise<BackendSelection> {
	await tf.setBackend('cpu');
	return { backend: tf.getBackend(), software: true, ...(notice ? { notice } : {}) };
}

type AdapterInfoLike = Partial<Pick<GPUAdapterInfo, 'vendor' | 'architecture' | 'description'>> & {
	isFallbackAdapter?: boolean;
};

/**
 * `adapter.info` is recent (Chrome 127+); older Chromes only had `requestAdapterInfo()`. The fallback
 * flag moved from the adapter to `info`; Dawn's Node build sets only `info.isFallbackAdapter`.
 */
async function describeAdapter(
	adapter: GPUAdapter
): Promise<{ description: AdapterDescription; fallback: boolean }> {
	const legacy = adapter as GPUAdapter & {
		requestAdapterInfo?: () => Promise<AdapterInfoLike>;
		isFallbackAdapter?: boolean;
	};
	let info: AdapterInfoLike | undefined = legacy.info;
	if (!info && legacy.requestAdapterInfo)
		info = await legacy.requestAdapterInfo().catch(() => undefined);
	return {
		description: {
			vendor: info?.vendor ?? '',
			architecture: info?.architecture ?? '',
			description: info?.description ?? ''
		},
		fallback: info?.isFallbackAdapter === true || legacy.isFallbackAdapter === true
	};
}
