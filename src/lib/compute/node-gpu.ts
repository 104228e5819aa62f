/**
 * WebGPU in Node through the `webgpu` package (Dawn). Node-only: the browser bundle must never import
 * this file, which is why it is separate from device.ts and loads `webgpu` with a dynamic import.
 */
import { existsSync } from 'node:fs';
import { err, ok, type Result } from '../core/result';
import { acquireGpu, type AcquireGpuOptions, type GpuContext } from './device';

/** Chromium's SwiftShader Vulkan driver (Debian `chromium` package): a CPU-emulated GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * Loads Dawn and returns its `GPU` object (what `navigator.gpu` is in a browser). Also installs
 * Dawn's WebGPU globals (`GPUBufferUsage`, `GPUMapMode`, …) where they are missing, since the
 * kernels use them as in a browser.
 */
export async function createNodeGpu(flags: string[] = []): Promise<Result<GPU>> {
	try {
		const { create, globals } = await import('webgpu');
		for (const [key, value] of Object.entries(globals)) {
			if (!(key in globalThis))
				Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
		}
		return ok(create(flags));
	} catch (e) {
		return err(
			'gpu_unavailable',
			`The webgpu (Dawn) package could not load: ${e instanceof Error ? e.message : String(e)}`
		);
	}
}

export interface AcquireNodeGpuOptions extends AcquireGpuOptions {
	/** Vulkan driver manifest to fall back to when the system's drivers give no adapter. */
	fallbackIcd?: string;
}

/**
 * A GpuContext in Node. Tries the system's Vulkan drivers first, so a machine with a real GPU uses
 * it; when they give no adapter (a server without a GPU, or a Mesa too old for Dawn) and
 * VK_ICD_FILENAMES is unset, it sets VK_ICD_FILENAMES to the SwiftShader manifest, if installed, and
 * tries again (the Vulkan loader re-reads it for each new Dawn instance). Never throws.
 *
 * @example
 * const r = await acquireNodeGpu();
 * if (r.ok) console.log(r.value.isSoftware ? 'software fallback' : 'hardware');
 */
export async function acquireNodeGpu(
	opts: AcquireNodeGpuOptions = {}
): Promise<Result<GpuContext>> {
	const first = await createNodeGpu();
	if (!first.ok) return first;
	const system = await acquireGpu(first.value, opts);
	const icd = opts.fallbackIcd ?? SWIFTSHADER_ICD;
	if (system.ok || process.env.VK_ICD_FILENAMES || !existsSync(icd)) return system;
	process.env.VK_ICD_FILENAMES = icd;
	const second = await createNodeGpu();
	return second.ok ? acquireGpu(second.value, opts) : second;
}
