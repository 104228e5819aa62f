import { MAX_HISTOGRAM_BINS } from '../../core/montecarlo/histogram';
import type { GpuProgram } from '../gpu-program';

/**
 * The workgroup-histogram kernel: each workgroup counts its grid-stride share of the values into
 * `MAX_HISTOGRAM_BINS` workgroup-local atomic counters (cheap, on-chip), then adds its non-zero bins
 * to the global counters once — so global atomics are touched bins × workgroups times, not n times.
 * Values are read as raw u32 bits: NaN and ±∞ are recognised by their exponent bits (WGSL may assume
 * floats are finite, so `x != x` could be folded away) and skipped. The binning is exactly the CPU
 * twin's (`core/montecarlo/histogram.ts`): t = ⌊f32(x − lo) · scale⌋ clamped to [0, bins − 1].
 *
 * Bindings: 0 uniform {n, bins, lo, scale}; 1 values (u32 bits of f32); 2 counts (atomic u32, bins).
 */
export function createHistogramProgram(workgroupSize: number): GpuProgram {
	return {
		name: `histogram-wg${workgroupSize}-bins${MAX_HISTOGRAM_BINS}`,
		workgroupSize,
		code: /* wgsl */ `
struct Params {
	n: u32,
	bins: u32,
	lo: f32,
	scale: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> values: array<u32>;
@group(0) @binding(2) var<storage, read_write> counts: array<atomic<u32>>;

var<workgroup> local_counts: array<atomic<u32>, ${MAX_HISTOGRAM_BINS}>;

@compute @workgroup_size(${workgroupSize})
fn main(
	@builtin(local_invocation_index) li: u32,
	@builtin(global_invocation_id) gid: vec3<u32>,
	@builtin(num_workgroups) groups: vec3<u32>,
) {
	for (var b = li; b < ${MAX_HISTOGRAM_BINS}u; b += ${workgroupSize}u) {
		atomicStore(&local_counts[b], 0u);
	}
	workgroupBarrier();
	let stride = groups.x * ${workgroupSize}u;
	let last = params.bins - 1u;
	for (var i = gid.x; i < params.n; i += stride) {
		let bits = values[i];
		if ((bits & 0x7f800000u) == 0x7f800000u) {
			continue;
		}
		let t = floor((bitcast<f32>(bits) - params.lo) * params.scale);
		var bin = 0u;
		if (t >= f32(last)) {
			bin = last;
		} else if (t > 0.0) {
			bin = u32(t);
		}
		atomicAdd(&local_counts[bin], 1u);
	}
	workgroupBarrier();
	for (var b = li; b < params.bins; b += ${workgroupSize}u) {
		let c = atomicLoad(&local_counts[b]);
		if (c > 0u) {
			atomicAdd(&counts[b], c);
		}
	}
}
`
	};
}
