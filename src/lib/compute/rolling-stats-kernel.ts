import { FEATURE_KERNEL_PRELUDE, flatIndexWgsl, type GpuProgram } from './gpu-program';

/**
 * Rolling mean and rolling sample std for every rolling column in one dispatch: one thread per
 * (column, row) output, each reading its own window. The twin of `rollingMean` / `rollingStd`.
 *
 * Each thread sums its window afresh (O(window) reads, no running state, so no drift and no
 * sequential dependency), with Kahan compensation in f32; the std uses the corrected two-pass
 * formula Σd² − (Σd)²/w with d = x − mean (Chan, Golub & LeVeque 1983), also Kahan-compensated,
 * divided by w − 1. A window containing a missing value gives NaN, as on the CPU.
 *
 * Bindings: 0 shape, 1 sources (read), 2 params (vec4<u32>: kind 0=mean 1=std, window, source index,
 * output column; rolling columns first, then EMA columns), 3 out (columns × rows, f32 bits).
 */
export function createRollingStatsProgram(workgroupSize: number): GpuProgram {
	const code = /* wgsl */ `
${FEATURE_KERNEL_PRELUDE}
${flatIndexWgsl(workgroupSize)}
@group(0) @binding(0) var<uniform> shape: Shape;
@group(0) @binding(1) var<storage, read> sources: array<u32>;
@group(0) @binding(2) var<storage, read> params: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let t = flat_index(gid, groups);
	if (t >= shape.rows * shape.rolling) {
		return;
	}
	let column = t / shape.rows;
	let row = t - column * shape.rows;
	let p = params[column];
	let w = p.y;
	let dst = p.w * shape.rows + row;
	if (row + 1u < w) {
		out[dst] = NAN_BITS;
		return;
	}
	let first = p.z * shape.rows + row + 1u - w;

	var sum = 0.0;
	var c = 0.0;
	for (var k = 0u; k < w; k++) {
		let bits = sources[first + k];
		if (is_missing(bits)) {
			out[dst] = NAN_BITS;
			return;
		}
		let y = bitcast<f32>(bits) - c;
		let s = sum + y;
		c = (s - sum) - y;
		sum = s;
	}
	let mean = sum / f32(w);
	if (p.x == 0u) {
		out[dst] = bitcast<u32>(mean);
		return;
	}

	var sq = 0.0;
	var sq_c = 0.0;
	var dev = 0.0;
	for (var k = 0u; k < w; k++) {
		let d = bitcast<f32>(sources[first + k]) - mean;
		dev += d;
		let y = d * d - sq_c;
		let s = sq + y;
		sq_c = (s - sq) - y;
		sq = s;
	}
	let m2 = max(sq - dev * dev / f32(w), 0.0);
	out[dst] = bitcast<u32>(sqrt(m2 / f32(w - 1u)));
}
`;
	return { name: `rolling-stats@${workgroupSize}`, code, workgroupSize };
}
