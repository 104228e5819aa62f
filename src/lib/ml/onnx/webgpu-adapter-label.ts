/**
 * What the WebGPU adapter is, in words, for the provider line of an ONNX run. onnxruntime-web creates
 * its own device from the default adapter, so this describes the same adapter. A fallback or
 * software adapter (SwiftShader, llvmpipe, WARP) is labelled as such: it is the CPU emulating a GPU.
 * (Kept free of tfjs so the ONNX worker does not bundle it; ml/backend.ts applies the same rule.)
 */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

/**
 * @example
 * await webGpuAdapterLabel(); // 'software adapter (google swiftshader), not a GPU'
 */
export async function webGpuAdapterLabel(): Promise<{ label: string; software: boolean } | null> {
	const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
	const adapter = await gpu?.requestAdapter().catch(() => null);
	if (!adapter) return null;
	const info = adapter.info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined;
	const name =
		[info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'unknown';
	const software = info?.isFallbackAdapter === true || SOFTWARE.test(name);
	return { label: software ? `software adapter (${name}), not a GPU` : `GPU (${name})`, software };
}
