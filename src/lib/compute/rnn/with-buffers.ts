/**
 * The upload → dispatch → read-back → destroy cycle the standalone rnn kernels (retention, linear
 * scan) share: every buffer made is destroyed on success or failure, and WebGPU validation errors
 * become exceptions carrying WebGPU's message.
 */
import type { GpuContext } from '../device';
import { dispatchSize } from '../dispatch-size';
import type { GpuProgram } from '../gpu-program';
import { getPipeline } from '../pipeline-cache';

/** Threads per workgroup for flat kernels: the 32/64-wide SIMD of common GPUs, within default limits. */
const PREFERRED_WORKGROUP = 64;
type Arr = ArrayLike<number>;

export interface BufferMaker {
	uniform(words: Uint32Array<ArrayBuffer>): GPUBuffer;
	input(data: Arr, writable?: boolean): GPUBuffer;
	output(floats: number): GPUBuffer;
}
export type Run = (
	program: (wg: number) => GpuProgram,
	threads: number,
	bindings: GPUBuffer[],
	groups?: number
) => void;
export type Read = (buffer: GPUBuffer, floats: number) => Promise<Float32Array>;

export async function withBuffers<T>(
	ctx: GpuContext,
	body: (buf: BufferMaker, run: Run, read: Read) => Promise<T>
): Promise<T> {
	const { device, limits } = ctx;
	const wg = Math.min(
		PREFERRED_WORKGROUP,
		limits.maxComputeWorkgroupSizeX,
		limits.maxComputeInvocationsPerWorkgroup
	);
	const made: GPUBuffer[] = [];
	const make = (size: number, usage: number) => {
		const b = device.createBuffer({ size: Math.max(16, Math.ceil(size / 4) * 4), usage });
		made.push(b);
		return b;
	};
	const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
	const buf: BufferMaker = {
		uniform(words) {
			const b = make(words.byteLength, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
			device.queue.writeBuffer(b, 0, words);
			return b;
		},
		input(data) {
			const f = Float32Array.from(data);
			const b = make(f.byteLength, storage);
			device.queue.writeBuffer(b, 0, f);
			return b;
		},
		output: (floats) => make(floats * 4, storage)
	};
	const run: Run = (program, threads, bindings, groups) => {
		const p = program(wg);
		const pipeline = getPipeline(device, p);
		const encoder = device.createCommandEncoder({ label: p.name });
		const pass = encoder.beginComputePass();
		pass.setPipeline(pipeline);
		pass.setBindGroup(
			0,
			device.createBindGroup({
				layout: pipeline.getBindGroupLayout(0),
				entries: bindings.map((buffer, binding) => ({ binding, resource: { buffer } }))
			})
		);
		// `groups` overrides the flat thread count for kernels that own one workgroup per sequence.
		const [x, y] = groups
			? dispatchSize(groups, 1, limits.maxComputeWorkgroupsPerDimension)
			: dispatchSize(threads, wg, limits.maxComputeWorkgroupsPerDimension);
		pass.dispatchWorkgroups(x, y);
		pass.end();
		device.queue.submit([encoder.finish()]);
	};
	const read: Read = async (buffer, floats) => {
		const staging = make(floats * 4, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
		const encoder = device.createCommandEncoder();
		encoder.copyBufferToBuffer(buffer, 0, staging, 0, floats * 4);
		device.queue.submit([encoder.finish()]);
		await staging.mapAsync(GPUMapMode.READ);
		return new Float32Array(staging.getMappedRange().slice(0, floats * 4));
	};
	device.pushErrorScope('validation');
	let result: T | undefined;
	let thrown: unknown = null;
	try {
		result = await body(buf, run, read);
	} catch (e) {
		thrown = e;
	}
	// Popped on every path so a failed run never leaves a scope open on the shared device.
	const error = await device.popErrorScope();
	made.forEach((b) => b.destroy());
	if (thrown) throw thrown;
	if (error) throw new Error(`WebGPU error: ${error.message}`);
	return result as T;
}
