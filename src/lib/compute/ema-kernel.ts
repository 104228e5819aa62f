import { FEATURE_KERNEL_PRELUDE, type GpuProgram } from './gpu-program';

/**
 * EMA columns, one thread per column running the recurrence down the rows: the twin of `ema` in
 * core/features (α = 2/(p+1), seeded with the Kahan-summed mean of the first p finite values,
 * re-seeded after a missing value). e += α(x − e) is contractive, so f32 rounding errors decay
 * instead of accumulating (steady-state error ≈ ulp(e)/α).
 *
 * Sequential per column is simple and exact to the CPU order of operations, but uses one GPU thread
 * per column; a parallel scan over rows is issue 3.
 *
 * Bindings: 0 shape, 1 sources (read), 2 params (EMA entries start at index `shape.rolling`:
 * vec4<u32> period, source index, output column, unused), 3 out.
 */
export function createEmaProgram(workgroupSize: number): GpuProgram {
	const code = /* wgsl */ `
${FEATURE_KERNEL_PRELUDE}
@group(0) @binding(0) var<uniform> shape: Shape;
@group(0) @binding(1) var<storage, read> sources: array<u32>;
@group(0) @binding(2) var<storage, read> params: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
	if (gid.x >= shape.emas) {
		return;
	}
	let p = params[shape.rolling + gid.x];
	let period = p.x;
	let src = p.y * shape.rows;
	let dst = p.z * shape.rows;
	let alpha = 2.0 / (f32(period) + 1.0);
	var count = 0u;
	var seed = 0.0;
	var seed_c = 0.0;
	var e = 0.0;
	for (var i = 0u; i < shape.rows; i++) {
		let bits = sources[src + i];
		if (is_missing(bits)) {
			count = 0u;
			seed = 0.0;
			seed_c = 0.0;
			out[dst + i] = NAN_BITS;
			continue;
		}
		let x = bitcast<f32>(bits);
		if (count < period) {
			let y = x - seed_c;
			let s = seed + y;
			seed_c = (s - seed) - y;
			seed = s;
			count++;
			if (count < period) {
				out[dst + i] = NAN_BITS;
				continue;
			}
			e = seed / f32(period);
		} else {
			e += alpha * (x - e);
		}
		out[dst + i] = bitcast<u32>(e);
	}
}
`;
	return { name: `ema@${workgroupSize}`, code, workgroupSize };
}
