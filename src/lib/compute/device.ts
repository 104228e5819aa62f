import { err, ok, type Result } from '../core/result';
import { isSoftwareAdapter, readAdapterInfo, type AdapterInfo } from './adapter-info';

export type { AdapterInfo } from './adapter-info';
export { adapterLabel } from './adapter-info';

/** A WebGPU device ready for the compute kernels, plus what the UI needs to say where it runs. */
export interface GpuContext {
	device: GPUDevice;
	adapterInfo: AdapterInfo;
	/** SwiftShader, llvmpipe or any fallback adapter: correct, but CPU-emulated and slow. */
	isSoftware: boolean;
	limits: GPUSupportedLimits;
}

/**
 * Each device keeps its GPU and adapter objects reachable. In Node (Dawn) the native instance behind
 * `create()`'s GPU object is torn down when that object is garbage-collected, and a device still in
 * use then crashes the process (futex errors, SIGSEGV): seen with the webgpu 0.6.2 package. Harmless
 * in browsers, where `navigator.gpu` lives forever anyway.
 */
const owners = new WeakMap<GPUDevice, [GPU, GPUAdapter]>();

export interface AcquireGpuOptions {
	powerPreference?: GPUPowerPreference;
	label?: string;
}

/**
 * Requests an adapter and a device from `gpu` — pass `navigator.gpu` in a page or a dedicated worker,
 * or use `acquireNodeGpu()` in Node. `undefined` (no WebGPU) is an error result, not a throw. Asks for the adapter's full buffer-size limits (defaults
 * cap a storage binding at 128 MiB, about 33 M f32 values) and keeps every other limit at its
 * default, so the same code runs on any conforming adapter. Never throws.
 *
 * @example
 * const r = await acquireGpu(navigator.gpu);
 * if (!r.ok) console.warn(r.message); // 'gpu_unavailable'
 */
export async function acquireGpu(
	gpu?: GPU | undefined,
	opts: AcquireGpuOptions = {}
): Promise<Result<GpuContext>> {
	if (!gpu) {
		return err(
			'gpu_unavailable',
			'WebGPU is not available here (no navigator.gpu). Use a browser with WebGPU enabled, or compute on the CPU.'
		);
	}
	try {
		const adapter = await gpu.requestAdapter(
			opts.powerPreference ? { powerPreference: opts.powerPreference } : undefined
		);
		if (!adapter) {
			return err(
				'gpu_unavailable',
				'WebGPU found no adapter (no usable GPU driver). Computing on the CPU works everywhere.'
			);
		}
		const device = await adapter.requestDevice({
			label: opts.label ?? 'axon-compute',
			requiredLimits: {
				maxBufferSize: adapter.limits.maxBufferSize,
				maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize
			}
		});
		owners.set(device, [gpu, adapter]);
		const adapterInfo = readAdapterInfo(adapter);
		return ok({
			device,
			adapterInfo,
			isSoftware: isSoftwareAdapter(adapter, adapterInfo),
			limits: device.limits
		});
	} catch (e) {
		return err(
			'gpu_unavailable',
			`WebGPU could not start a device: ${e instanceof Error ? e.message : String(e)}`
		);
	}
}
