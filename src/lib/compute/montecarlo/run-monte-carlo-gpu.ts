import {
	annualFactorOf,
	momentsFromSums,
	QUANTILE_LEVELS,
	resolveConfig,
	ruinLogOf,
	sortedQuantile,
	type MetricSummary,
	type MonteCarloConfig,
	type MonteCarloResult,
	type PathOutputs
} from '../../core/montecarlo';
import type { GpuContext } from '../device';
import { dispatchSize } from '../dispatch-size';
import { getPipeline } from '../pipeline-cache';
import { GpuLimitError } from '../run-feature-kernels';
import { createMonteCarloProgram } from './monte-carlo-kernel';
import { packParams, PARAMS_BYTES } from './monte-carlo-params';

/** Threads per workgroup: a power of two (the reduction halves it), a multiple of common SIMD widths. */
const PREFERRED_WORKGROUP = 64;
/**
 * Paths per dispatch at most: 2^20 paths × 252 steps is ~0.3 G Philox blocks, short enough for a
 * desktop GPU's watchdog (a few seconds) and 16 MiB of output per read-back.
 */
export const MAX_CHUNK_PATHS = 1 << 20;

export interface RunMonteCarloGpuOptions {
	signal?: AbortSignal;
	/** Paths per dispatch (tests use small values to exercise chunking). Default MAX_CHUNK_PATHS. */
	chunkPaths?: number;
}

/**
 * The Monte Carlo of `runMonteCarloCpu` on the GPU, in f32: one path per thread, paths dispatched in
 * chunks, the per-path outputs read back after each chunk. Means and stds come from the kernel's
 * workgroup sums (added in f64 here); quantiles from the per-path values on the CPU (exact order
 * statistics, so the same definition as the CPU twin). Destroys every buffer it makes. Rejects
 * with a RangeError for an invalid config, a GpuLimitError when the bootstrap series exceeds the
 * device's buffer limits, the signal's reason when aborted, and an Error with WebGPU's message
 * otherwise.
 *
 * @example
 * const r = await runMonteCarloGpu(gpu, { model: { kind: 'gbm', mu: 3e-4, sigma: 0.01 }, paths: 1e6, steps: 252, seed: 1 });
 */
export async function runMonteCarloGpu(
	ctx: GpuContext,
	config: MonteCarloConfig,
	opts: RunMonteCarloGpuOptions = {}
): Promise<MonteCarloResult> {
	const { signal } = opts;
	signal?.throwIfAborted();
	const resolved = resolveConfig(config);
	if (!resolved.ok) throw new RangeError(resolved.message);
	const model = resolved.value;
	const { device, limits } = ctx;
	const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
	const seriesBytes = Math.max(model.returns.length * 4, 16);
	if (seriesBytes > maxBinding)
		throw new GpuLimitError(
			`a bootstrap series of ${model.returns.length} returns exceeds this GPU's ${maxBinding}-byte buffer limit`
		);
	const wg = Math.min(
		PREFERRED_WORKGROUP,
		2 ** Math.floor(Math.log2(limits.maxComputeWorkgroupSizeX)),
		2 ** Math.floor(Math.log2(limits.maxComputeInvocationsPerWorkgroup))
	);
	const chunk = Math.max(
		1,
		Math.min(config.paths, opts.chunkPaths ?? MAX_CHUNK_PATHS, Math.floor(maxBinding / 16))
	);
	const [gx, gy] = dispatchSize(chunk, wg, limits.maxComputeWorkgroupsPerDimension);
	const outBytes = chunk * 16;
	const partialBytes = gx * gy * 32;
	const pipeline = getPipeline(device, createMonteCarloProgram(wg));

	const made: GPUBuffer[] = [];
	const buffer = (label: string, size: number, usage: number) => {
		const b = device.createBuffer({ label, size, usage });
		made.push(b);
		return b;
	};
	const perPath: PathOutputs = {
		finalReturn: new Float32Array(config.paths),
		maxDrawdown: new Float32Array(config.paths),
		sharpe: new Float32Array(config.paths),
		ruined: new Uint8Array(config.paths)
	};
	const sum = new Float64Array(4);
	const sumSq = new Float64Array(4);
	try {
		const params = buffer(
			'mc-params',
			PARAMS_BYTES,
			GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST
		);
		const series = buffer(
			'mc-series',
			seriesBytes,
			GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST
		);
		const out = buffer('mc-out', outBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
		const partials = buffer(
			'mc-partials',
			partialBytes,
			GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC
		);
		const staging = buffer(
			'mc-readback',
			outBytes + partialBytes,
			GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST
		);
		if (model.returns.length > 0)
			device.queue.writeBuffer(series, 0, new Float32Array(model.returns));
		const bindGroup = device.createBindGroup({
			layout: pipeline.getBindGroupLayout(0),
			entries: [params, series, out, partials].map((b, binding) => ({
				binding,
				resource: { buffer: b }
			}))
		});
		const common = {
			model,
			steps: config.steps,
			seed: config.seed >>> 0,
			stream: (config.stream ?? 0) >>> 0,
			ruinLog: ruinLogOf(config),
			annualFactor: annualFactorOf(config)
		};
		for (let first = 0; first < config.paths; first += chunk) {
			const count = Math.min(chunk, config.paths - first);
			const [cx, cy] = dispatchSize(count, wg, limits.maxComputeWorkgroupsPerDimension);
			device.pushErrorScope('out-of-memory');
			device.pushErrorScope('validation');
			let thrown: unknown = null;
			try {
				device.queue.writeBuffer(
					params,
					0,
					packParams({ ...common, paths: count, firstPath: first })
				);
				const encoder = device.createCommandEncoder({ label: 'monte-carlo' });
				const pass = encoder.beginComputePass({ label: 'monte-carlo' });
				pass.setPipeline(pipeline);
				pass.setBindGroup(0, bindGroup);
				pass.dispatchWorkgroups(cx, cy);
				pass.end();
				encoder.copyBufferToBuffer(out, 0, staging, 0, count * 16);
				encoder.copyBufferToBuffer(partials, 0, staging, outBytes, cx * cy * 32);
				device.queue.submit([encoder.finish()]);
			} catch (e) {
				thrown = e;
			}
			const validation = await device.popErrorScope();
			const memory = await device.popErrorScope();
			if (thrown) throw thrown;
			const error = validation ?? memory;
			if (error) throw new Error(`WebGPU error: ${error.message}`);

			await staging.mapAsync(GPUMapMode.READ);
			try {
				signal?.throwIfAborted();
				// One getMappedRange: a second, overlapping one is an OperationError.
				const mapped = staging.getMappedRange();
				const values = new Float32Array(mapped, 0, count * 4);
				for (let i = 0; i < count; i++) {
					perPath.finalReturn[first + i] = values[4 * i];
					perPath.maxDrawdown[first + i] = values[4 * i + 1];
					perPath.sharpe[first + i] = values[4 * i + 2];
					perPath.ruined[first + i] = values[4 * i + 3];
				}
				const part = new Float32Array(mapped, outBytes, cx * cy * 8);
				for (let g = 0; g < cx * cy; g++)
					for (let k = 0; k < 4; k++) {
						sum[k] += part[8 * g + k];
						sumSq[k] += part[8 * g + 4 + k];
					}
			} finally {
				staging.unmap();
			}
		}
	} finally {
		made.forEach((b) => b.destroy());
	}

	const summary = (k: number, values: Float32Array): MetricSummary => {
		const sorted = config.keepPaths ? values.slice() : values;
		sorted.sort();
		return {
			...momentsFromSums(config.paths, sum[k], sumSq[k]),
			quantiles: QUANTILE_LEVELS.map((p) => sortedQuantile(sorted, p))
		};
	};
	return {
		paths: config.paths,
		steps: config.steps,
		finalReturn: summary(0, perPath.finalReturn as Float32Array),
		maxDrawdown: summary(1, perPath.maxDrawdown as Float32Array),
		sharpe: summary(2, perPath.sharpe as Float32Array),
		ruinProbability: sum[3] / config.paths,
		...(config.keepPaths ? { perPath } : {})
	};
}
