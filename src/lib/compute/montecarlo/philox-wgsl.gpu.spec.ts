import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxMuller } from '../../core/montecarlo';
import { CounterRng, philox4x32 } from '../../core/random/philox';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { createPhiloxProgram, PHILOX_WGSL } from './philox-wgsl';

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

/** Runs a one-binding-in, one-binding-out kernel over `input` and returns its output words. */
async function run(
	code: string,
	inputs: Uint32Array<ArrayBuffer>[],
	outWords: number,
	threads: number
) {
	const { device } = gpu;
	const pipeline = device.createComputePipeline({
		layout: 'auto',
		compute: { module: device.createShaderModule({ code }), entryPoint: 'main' }
	});
	const buffers = inputs.map((data) => {
		const b = device.createBuffer({
			size: data.byteLength,
			usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST
		});
		device.queue.writeBuffer(b, 0, data);
		return b;
	});
	const out = device.createBuffer({
		size: outWords * 4,
		usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC
	});
	const staging = device.createBuffer({
		size: outWords * 4,
		usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST
	});
	const encoder = device.createCommandEncoder();
	const pass = encoder.beginComputePass();
	pass.setPipeline(pipeline);
	pass.setBindGroup(
		0,
		device.createBindGroup({
			layout: pipeline.getBindGroupLayout(0),
			entries: [...buffers, out].map((buffer, binding) => ({ binding, resource: { buffer } }))
		})
	);
	pass.dispatchWorkgroups(threads);
	pass.end();
	encoder.copyBufferToBuffer(out, 0, staging, 0, outWords * 4);
	device.queue.submit([encoder.finish()]);
	await staging.mapAsync(GPUMapMode.READ);
	const result = new Uint32Array(staging.getMappedRange().slice(0));
	[...buffers, out, staging].forEach((b) => b.destroy());
	return result;
}

describe('the WGSL Philox4x32-10 equals the CPU one', () => {
	it('on the Random123 known answers and 256 random counters and keys', async () => {
		const f = 0xffffffff;
		const counters: number[][] = [
			[0, 0, 0, 0],
			[f, f, f, f],
			[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344]
		];
		const keys: number[][] = [
			[0, 0],
			[f, f],
			[0xa4093822, 0x299f31d0]
		];
		const rng = new CounterRng(2024);
		for (let i = 0; i < 256; i++) {
			counters.push([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()]);
			keys.push([rng.nextU32(), rng.nextU32()]);
		}
		const n = counters.length;
		const got = await run(
			createPhiloxProgram().code,
			[
				Uint32Array.from(counters.flat()),
				Uint32Array.from(keys.flatMap((k) => [k[0], k[1], 0, 0]))
			],
			4 * n,
			n
		);
		expect(Array.from(got.subarray(0, 12))).toEqual([
			0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8, 0x408f276d, 0x41c83b0e, 0xa20bc7c6,
			0x6d5451fd, 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1
		]);
		const expected = counters.flatMap((c, i) =>
			philox4x32(c as [number, number, number, number], keys[i] as [number, number])
		);
		expect(Array.from(got)).toEqual(expected);
	});
});

describe('the WGSL Box–Muller normal', () => {
	it('is within 1e-6 of the f64 one on 65,536 draws, edges included', async () => {
		const n = 65_536;
		const xs = new Uint32Array(2 * n);
		const rng = new CounterRng(7);
		for (let i = 0; i < xs.length; i++) xs[i] = rng.nextU32();
		// u1 = 1 and u1 = 2^-24 (the ends of ln), and quarter turns of the angle (the cos branches).
		xs.set([0xffffffff, 0, 0, 0xffffffff, 0xffffffff, 0x20000000, 0, 0x60000000, 5, 0xa0000000]);
		const code = /* wgsl */ `
${PHILOX_WGSL}
@group(0) @binding(0) var<storage, read> xs: array<vec2<u32>>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
	out[gid.x] = box_muller(xs[gid.x].x, xs[gid.x].y);
}`;
		const got = new Float32Array((await run(code, [xs], n, n / 64)).buffer);
		let worst = 0;
		for (let i = 0; i < n; i++)
			worst = Math.max(worst, Math.abs(got[i] - boxMuller(xs[2 * i], xs[2 * i + 1])));
		// Measured 5.6e-7 on SwiftShader: f32 rounding of |z| ≤ 5.77 (ulp 4.8e-7) plus the series.
		expect(worst).toBeLessThan(1e-6);
	});
});
