import {
	histogramQuantile,
	histogramScale,
	type Histogram,
	type HistogramRange
} from '../../core/montecarlo/histogram';
import type { GpuContext } from '../device';
import { getPipeline } from '../pipeline-cache';
import { createHistogramProgram } from './histogram-kernel';

const WORKGROUP = 256;
/**
 * Workgroups at most: enough to fill any current GPU, few enough that the final merge (bins ×
 * workgroups global atomics) stays small; the kernel's grid-stride loop covers any n.
 */
const MAX_GROUPS = 1024;

/**
 * Counts of `values` per bin on the GPU, identical to `histogramCounts` (the CPU twin). Destroys the
 * buffers it makes; rejects with WebGPU's message on a validation or memory error.
 *
 * @example
 * const h = await runHistogramGpu(gpu, drawdowns, { lo: 0, hi: 1, bins: 200 });
 */
export async function runHistogramGpu(
	ctx: GpuContext,
	values: Float32Array,
	range: HistogramRange
): Promise<Histogram> {
	const scale = histogramScale(range);
	const { device, limits } = ctx;
	const wg = Math.min(
		WORKGROUP,
		limits.maxComputeWorkgroupSizeX,
		limits.maxComputeInvocationsPerWorkgroup
	);
	const pipeline = getPipeline(device, createHistogramProgram(wg));
	const groups = Math.max(1, Math.min(MAX_GROUPS, Math.ceil(values.length / wg)));
	const made: GPUBuffer[] = [];
	const buffer = (label: string, size: number, usage: number) => {
		const b = device.createBuffer({ label, size, usage });
		made.push(b);
		return b;
	};
	try {
		const params = buffer('hist-params', 16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
		const input = buffer(
			'hist-values',
			Math.max(16, values.byteLength),
			GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST
		);
		const counts = buffer(
			'hist-counts',
			range.bins * 4,
			GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST
		);
		const staging = buffer(
			'hist-readback',
			range.bins * 4,
			GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST
		);
		const head = new ArrayBuffer(16);
		new Uint32Array(head, 0, 2).set([values.length, range.bins]);
		new Float32Array(head, 8, 2).set([range.lo, scale]);
		device.queue.writeBuffer(params, 0, head);
		// A Float32Array view over a SharedArrayBuffer is not writable to the queue: the type says so.
		if (values.length > 0) device.queue.writeBuffer(input, 0, values as Float32Array<ArrayBuffer>);
		device.queue.writeBuffer(counts, 0, new Uint32Array(range.bins));
		device.pushErrorScope('validation');
		const encoder = device.createCommandEncoder({ label: 'histogram' });
		const pass = encoder.beginComputePass({ label: 'histogram' });
		pass.setPipeline(pipeline);
		pass.setBindGroup(
			0,
			device.createBindGroup({
				layout: pipeline.getBindGroupLayout(0),
				entries: [params, input, counts].map((b, binding) => ({ binding, resource: { buffer: b } }))
			})
		);
		pass.dispatchWorkgroups(groups);
		pass.end();
		encoder.copyBufferToBuffer(counts, 0, staging, 0, range.bins * 4);
		device.queue.submit([encoder.finish()]);
		const error = await device.popErrorScope();
		if (error) throw new Error(`WebGPU error: ${error.message}`);
		await staging.mapAsync(GPUMapMode.READ);
		const out = new Uint32Array(staging.getMappedRange().slice(0));
		staging.unmap();
		return { ...range, counts: out, total: out.reduce((a, b) => a + b, 0) };
	} finally {
		made.forEach((b) => b.destroy());
	}
}

/**
 * Quantiles of many values (e.g. 25M Monte-Carlo path metrics) without sorting them: a GPU histogram
 * over a known range, then `histogramQuantile` — each within one bin width of the exact quantile.
 */
export async function histogramQuantilesGpu(
	ctx: GpuContext,
	values: Float32Array,
	range: HistogramRange,
	levels: readonly number[]
): Promise<number[]> {
	const h = await runHistogramGpu(ctx, values, range);
	return levels.map((p) => histogramQuantile(h, p));
}
