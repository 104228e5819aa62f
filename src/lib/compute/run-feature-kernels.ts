import type { GpuContext } from './device';
import { dispatchSize } from './dispatch-size';
import { createEmaProgram } from './ema-kernel';
import type { FeatureKernelPlan } from './feature-plan';
import type { GpuProgram } from './gpu-program';
import { createLogReturnProgram } from './log-return-kernel';
import { getPipeline } from './pipeline-cache';
import { createRollingStatsProgram } from './rolling-stats-kernel';

const PREFERRED_WORKGROUP = 64;

/** The series does not fit this device's buffer limits (the caller falls back to the CPU). */
export class GpuLimitError extends Error {}

/**
 * Runs a feature plan on the GPU: upload close prices (as f32), then in one compute pass the
 * log-return kernel (if needed), all rolling columns in one dispatch and all EMA columns in one
 * dispatch; copy out once and read back with `mapAsync`. Every buffer is destroyed before returning.
 * Returns one Float32Array per output column. Rejects with the signal's reason when aborted and
 * with an Error carrying the WebGPU message on validation or out-of-memory errors.
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
	if (rows === 0 || columnCount === 0) return Array.from({ length: columnCount }, () => new Float32Array(rows));
	const { device, limits } = ctx;
	const outBytes = columnCount * rows * 4;
	const sourceBytes = 2 * rows * 4;
	const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
	if (Math.max(outBytes, sourceBytes) > maxBinding) {
		throw new GpuLimitError(`${rows} rows × ${columnCount} features exceed this GPU's ${maxBinding}-byte buffer limit`);
	}
	const wg = Math.min(PREFERRED_WORKGROUP, limits.maxComputeWorkgroupSizeX, limits.maxComputeInvocationsPerWorkgroup);
	const maxGroups = limits.maxComputeWorkgroupsPerDimension;

	const buffers: GPUBuffer[] = [];
	const buffer = (label: string, size: number, usage: number) => {
		const b = device.createBuffer({ label, size: Math.max(size, 16), usage });
		buffers.push(b);
		return b;
	};
	const shape = buffer('feature-shape', 16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
	const sources = buffer('feature-sources', sourceBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC);
	const params = buffer('feature-params', plan.params.byteLength, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
	const out = buffer('feature-out', outBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
	const staging = buffer('feature-readback', outBytes, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);

	function encodeAndSubmit() {
		device.queue.writeBuffer(shape, 0, Uint32Array.of(rows, plan.rolling, plan.emas, 0));
		device.queue.writeBuffer(sources, 0, new Float32Array(close));
		if (plan.params.length > 0) device.queue.writeBuffer(params, 0, plan.params);

		const encoder = device.createCommandEncoder({ label: 'features' });
		const pass = encoder.beginComputePass({ label: 'features' });
		const dispatch = (program: GpuProgram, entries: GPUBuffer[], threads: number) => {
			const pipeline = getPipeline(device, program);
			pass.setPipeline(pipeline);
			pass.setBindGroup(
				0,
				device.createBindGroup({
					layout: pipeline.getBindGroupLayout(0),
					entries: entries.map((b, binding) => ({ binding, resource: { buffer: b } }))
				})
			);
			pass.dispatchWorkgroups(...dispatchSize(threads, wg, maxGroups));
		};
		if (plan.needsLogReturn) dispatch(createLogReturnProgram(wg), [shape, sources], rows);
		if (plan.rolling > 0) dispatch(createRollingStatsProgram(wg), [shape, sources, params, out], rows * plan.rolling);
		if (plan.emas > 0) dispatch(createEmaProgram(wg), [shape, sources, params, out], plan.emas);
		pass.end();
		encoder.copyBufferToBuffer(out, 0, staging, 0, outBytes);
		for (const column of plan.logReturnColumns) {
			encoder.copyBufferToBuffer(sources, rows * 4, staging, column * rows * 4, rows * 4);
		}
		device.queue.submit([encoder.finish()]);
	}

	try {
		device.pushErrorScope('out-of-memory');
		device.pushErrorScope('validation');
		let thrown: unknown = null;
		try {
			encodeAndSubmit();
		} catch (e) {
			thrown = e;
		}
		const validation = await device.popErrorScope();
		const memory = await device.popErrorScope();
		if (thrown) throw thrown;
		const error = validation ?? memory;
		if (error) throw new Error(`WebGPU error: ${error.message}`);

		await staging.mapAsync(GPUMapMode.READ);
		signal?.throwIfAborted();
		const all = new Float32Array(staging.getMappedRange());
		return Array.from({ length: columnCount }, (_, c) => all.slice(c * rows, (c + 1) * rows));
	} finally {
		buffers.forEach((b) => b.destroy());
	}
}
