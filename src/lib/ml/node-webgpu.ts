/**
 * Node only (GPU tests, CLI): puts Dawn's WebGPU (via compute/node-gpu) where tfjs expects it, as
 * `navigator.gpu`. Never import this from page or worker code. Being a global, the GPU object also
 * stays reachable for the life of the process (Dawn crashes if it is collected while a device lives).
 *
 * Without a hardware Vulkan driver, point Dawn at SwiftShader:
 * `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json` (see PLATFORM.md).
 */
import { createNodeGpu } from '$lib/compute/node-gpu';

/**
 * Installs Dawn as `navigator.gpu` and returns it. Must run before `selectBackend`, since
 * `@tensorflow/tfjs-backend-webgpu` registers itself only when it sees `navigator.gpu` on import.
 *
 * @example
 * const gpu = await installNodeWebGpu();
 * const sel = await selectBackend('webgpu'); // { backend: 'webgpu', software: true, ... } on SwiftShader
 */
export async function installNodeWebGpu(): Promise<GPU> {
	const created = await createNodeGpu();
	if (!created.ok) throw new Error(created.message);
	const gpu = created.value;
	const g = globalThis as { navigator?: object };
	// Node ≥ 21 has a navigator without gpu; Node 20 has none.
	if (g.navigator) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
	else
		Object.defineProperty(globalThis, 'navigator', {
			value: { gpu },
			configurable: true,
			writable: true
		});
	return gpu;
}
