import type { BarField, Params } from '../../core/indicators/indicator';
import type { OhlcvSeries } from '../../core/ohlcv';
import type { GpuContext } from '../device';
import { dispatchSize } from '../dispatch-size';
import { planPrograms, SCAN_CHUNK, type IndicatorProgram } from './codegen';
import { indicatorLayout, indicatorPipeline } from './indicator-pipelines';
import { gpuInputProblem, packInputs, packParams } from './pack-inputs';
import type { GpuPlan } from './plan';

/** Threads per workgroup: a multiple of common SIMD widths, within WebGPU's default limits. */
const PREFERRED_WORKGROUP = 64;

/** The batch does not fit this device's buffer limits (split it, or use the CPU path). */
export class IndicatorGpuLimitError extends Error {}

/**
 * One dispatch's results, time-major: `values[((bar · series + s) · paramSets + p) · outputs + o]`.
 */
export interface GpuIndicatorBatch {
	bars: number;
	series: number;
	paramSets: number;
	outputs: number;
	values: Float32Array;
}

/** Output `o` of series `s` under parameter set `p`, as one column. */
export function batchColumn(b: GpuIndicatorBatch, s: number, p: number, o: number): Float32Array {
	const col = new Float32Array(b.bars);
	const stride = b.series * b.paramSets * b.outputs;
	const offset = (s * b.paramSets + p) * b.outputs + o;
	for (let t = 0; t < b.bars; t++) col[t] = b.values[t * stride + offset];
	return col;
}

export interface RunGpuPlanInput {
	plan: GpuPlan;
	series: readonly OhlcvSeries[];
	/** Validated parameter sets (every series runs under every set). */
	paramSets: readonly Params[];
	/** Relations: the second close series paired with each series. */
	others?: readonly Float64Array[];
	/** The bar fields the indicator reads (checked by `gpuInputProblem`); default all. */
	fields?: readonly BarField[];
	signal?: AbortSignal;
}

/**
 * Runs a plan over series × parameter sets in one submission: packs the inputs as time-major f32,
 * records every pass in one compute pass (WebGPU orders storage writes between dispatches), reads
 * the outputs back once, and destroys every buffer it made. Rejects with a RangeError when the
 * inputs cannot take the GPU path (gaps, non-positive prices: see `gpuInputProblem`), an
 * IndicatorGpuLimitError when they exceed the device's buffer limits, the signal's reason when
 * aborted, and an Error with WebGPU's message otherwise.
 */
export async function runGpuPlan(
	ctx: GpuContext,
	input: RunGpuPlanInput
): Promise<GpuIndicatorBatch> {
	const { plan, series, paramSets, others, fields, signal } = input;
	signal?.throwIfAborted();
	const problem = gpuInputProblem(series, fields, others);
	if (problem) throw new RangeError(`GPU indicator path: ${problem}`);
	if (paramSets.length === 0) throw new RangeError('GPU indicator path: no parameter sets');
	const { device, limits } = ctx;
	const bars = series[0].close.length;
	const lanes = series.length * paramSets.length;
	const outputs = plan.outputs.length;
	const chunks = Math.ceil(bars / SCAN_CHUNK);
	const inputs = packInputs(series, others);
	const params = packParams(plan.params, paramSets);
	const wsBytes = Math.max(1, plan.columns) * bars * lanes * 4;
	const outBytes = bars * lanes * outputs * 4;
	const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
	if (Math.max(wsBytes, outBytes, inputs.byteLength) > maxBinding) {
		throw new IndicatorGpuLimitError(
			`${plan.id}: ${bars} bars × ${lanes} lanes × ${plan.columns} columns exceed this GPU's ${maxBinding}-byte buffer limit`
		);
	}
	const wg = Math.min(
		PREFERRED_WORKGROUP,
		limits.maxComputeWorkgroupSizeX,
		limits.maxComputeInvocationsPerWorkgroup
	);

	const made: GPUBuffer[] = [];
	const buffer = (label: string, size: number, usage: number) => {
		const b = device.createBuffer({ label, size: Math.max(16, Math.ceil(size / 4) * 4), usage });
		made.push(b);
		return b;
	};
	const STORAGE = GPUBufferUsage.STORAGE;
	try {
		const dims = buffer('indicator-dims', 32, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
		const paramBuf = buffer(
			'indicator-params',
			params.byteLength,
			STORAGE | GPUBufferUsage.COPY_DST
		);
		const inputBuf = buffer(
			'indicator-inputs',
			inputs.byteLength,
			STORAGE | GPUBufferUsage.COPY_DST
		);
		const ws = buffer('indicator-workspace', wsBytes, STORAGE);
		const scratch = buffer('indicator-scan-blocks', chunks * lanes * 8, STORAGE);
		const out = buffer('indicator-out', outBytes, STORAGE | GPUBufferUsage.COPY_SRC);
		const staging = buffer(
			'indicator-readback',
			outBytes,
			GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST
		);
		device.pushErrorScope('out-of-memory');
		device.pushErrorScope('validation');
		let thrown: unknown = null;
		try {
			device.queue.writeBuffer(
				dims,
				0,
				Uint32Array.of(
					bars,
					series.length,
					paramSets.length,
					lanes,
					plan.params.length,
					chunks,
					outputs,
					0
				)
			);
			device.queue.writeBuffer(paramBuf, 0, params);
			device.queue.writeBuffer(inputBuf, 0, inputs);
			const bindGroup = device.createBindGroup({
				layout: indicatorLayout(device).layout,
				entries: [dims, paramBuf, inputBuf, ws, scratch, out].map((b, binding) => ({
					binding,
					resource: { buffer: b }
				}))
			});
			const encoder = device.createCommandEncoder({ label: plan.id });
			const pass = encoder.beginComputePass({ label: plan.id });
			pass.setBindGroup(0, bindGroup);
			const threadsOf = (p: IndicatorProgram) =>
				p.threads === 'element' ? bars * lanes : p.threads === 'block' ? chunks * lanes : lanes;
			for (const program of planPrograms(plan, wg)) {
				pass.setPipeline(indicatorPipeline(device, program));
				const [x, y] = dispatchSize(
					threadsOf(program),
					wg,
					limits.maxComputeWorkgroupsPerDimension
				);
				pass.dispatchWorkgroups(x, y);
			}
			pass.end();
			encoder.copyBufferToBuffer(out, 0, staging, 0, outBytes);
			device.queue.submit([encoder.finish()]);
		} catch (e) {
			thrown = e;
		}
		const validation = await device.popErrorScope();
		const memory = await device.popErrorScope();
		if (thrown) throw thrown;
		const error = validation ?? memory;
		if (error) throw new Error(`WebGPU error in ${plan.id}: ${error.message}`);
		await staging.mapAsync(GPUMapMode.READ, 0, outBytes);
		signal?.throwIfAborted();
		const values = new Float32Array(staging.getMappedRange(0, outBytes).slice(0));
		staging.unmap();
		return { bars, series: series.length, paramSets: paramSets.length, outputs, values };
	} finally {
		made.forEach((b) => b.destroy());
	}
}
