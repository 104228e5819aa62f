import type { GpuContext } from './device';
import { encodeFeatureKernels, type FeatureBuffers } from './encode-feature-kernels';
import type { FeatureKernelPlan } from './feature-plan';

/** Threads per workgroup: a multiple of the 32/64-wide SIMD of common GPUs, within default limits. */
const PREFERRED_WORKGROUP = 64;

/** The series does not fit this device's buffer limits (the caller falls back to the CPU). */
export class GpuLimitError extends Error {}

/**
 * Runs a feature plan on the GPU: uploads close prices as f32, records the kernels, checks WebGPU's
 * validation and out-of-memory scopes, reads back once with `mapAsync`, and destroys every buffer it
 * made, on success or failure. Returns one Float32Array per output column. Rejects with the
 * signal's reason when aborted, a GpuLimitError when the data exceed the device's buffer limits,
 * and an Error carrying WebGPU's message otherwise.
 */
export async function runFeatureKernels(
	ctx: GpuContext,
	close: Float64Array,
	plan: FeatureKernelPlan,
	columnCount: number,
	signal?: AbortSignal
): Promise<Float32Array[]> {
	signal?.throwIfAborted();
	const rows = close.length;
	if (rows === 0 || columnCount === 0)
		return Array.from({ length: columnCount }, () => new Float32Array(rows));
	const { device, limits } = ctx;
	const outBytes = columnCount * rows * 4;
	const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
	if (Math.max(outBytes, 2 * rows * 4) > maxBinding) {
		throw new GpuLimitError(
			`${rows} rows × ${columnCount} features exceed this GPU's ${maxBinding}-byte buffer limit`
		);
	}
	const wg = Math.min(
		PREFERRED_WORKGROUP,
		limits.maxComputeWorkgroupSizeX,
		limits.maxComputeInvocationsPerWorkgroup
	);

	const made: GPUBuffer[] = [];
	const buffer = (label: string, size: number, usage: number) => {
		const b = device.createBuffer({ label, size: Math.max(size, 16), usage });
		made.push(b);
		return b;
	};
	try {
		const b: FeatureBuffers = {
			shape: buffer('feature-shape', 16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
			sources: buffer(
				'feature-sources',
				2 * rows * 4,
				GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC
			),
			params: buffer(
				'feature-params',
				plan.params.byteLength,
				GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST
			),
			out: buffer('feature-out', outBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC),
			staging: buffer(
				'feature-readback',
				outBytes,
				GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST
			)
		};
		device.pushErrorScope('out-of-memory');
		device.pushErrorScope('validation');
		let thrown: unknown = null;
		try {
			device.queue.writeBuffer(b.shape, 0, Uint32Array.of(rows, plan.rolling, plan.emas, 0));
			device.queue.writeBuffer(b.sources, 0, new Float32Array(close));
			if (plan.params.length > 0) device.queue.writeBuffer(b.params, 0, plan.params);
			const encoder = device.createCommandEncoder({ label: 'features' });
			encodeFeatureKernels(
				device,
				encoder,
				b,
				plan,
				rows,
				wg,
				limits.maxComputeWorkgroupsPerDimension
			);
			device.queue.submit([encoder.finish()]);
		} catch (e) {
			thrown = e;
		}
		const validation = await device.popErrorScope();
		const memory = await device.popErrorScope();
		if (thrown) throw thrown;
		const error = validation ?? memory;
		if (error) throw new Error(`WebGPU error: ${error.message}`);

		await b.staging.mapAsync(GPUMapMode.READ, 0, outBytes);
		signal?.throwIfAborted();
		const all = new Float32Array(b.staging.getMappedRange(0, outBytes));
		return Array.from({ length: columnCount }, (_, c) => all.slice(c * rows, (c + 1) * rows));
	} finally {
		made.forEach((b) => b.destroy());
	}
}
