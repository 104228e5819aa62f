/**
 * Node only (GPU tests, CLI): puts Dawn's WebGPU (npm `webgpu`) where browser code expects it, as
 * `navigator.gpu` plus the `GPUBufferUsage`-style globals. Never import this from page or worker code.
 *
 * Without a hardware Vulkan driver, point Dawn at SwiftShader:
 * `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json` (see PLATFORM.md).
 */

/**
 * Installs Dawn as `navigator.gpu` and returns it. Must run before `selectBackend`, since
 * `@tensorflow/tfjs-backend-webgpu` registers itself only when it sees `navigator.gpu` on import.
 *
 * @example
 * const gpu = await installNodeWebGpu();
 * const sel = await selectBackend('webgpu'); // { backend: 'webgpu', software: true, ... } on SwiftShader
 */
export async function installNodeWebGpu(): Promise<GPU> {
	const { create, globals } = await import('webgpu');
	Object.assign(globalThis, globals);
	const gpu = create([]);
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
