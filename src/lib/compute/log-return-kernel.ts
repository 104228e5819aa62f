import { FEATURE_KERNEL_PRELUDE, flatIndexWgsl, type GpuProgram } from './gpu-program';

/**
 * Log returns, one thread per row: sources[rows + i] = ln(close[i] / close[i−1]), the twin of
 * `logReturn` in core/features (NaN at row 0 and around any missing or non-positive price).
 *
 * Precision: WGSL's `log` is only accurate to 2^-21 *absolute* on [0.5, 2], which is where every
 * price ratio lives, so a 1% return would keep just 4–5 significant digits. Instead the kernel forms
 * q = (c1 − c0) / c0 (the subtraction is exact by Sterbenz's lemma when c1/c0 ∈ [0.5, 2]) and uses
 * ln(1 + q) = 2 atanh(z), z = q / (2 + q), summing the atanh series to z⁹ while |z| < 0.1
 * (|q| ≲ 20%; truncation < 1e-11 relative). Larger moves use `log(c1 / c0)`. What remains is the
 * rounding of prices to f32 (≤ 2^-23 absolute in the return). Measured on the TTRC bars: worst
 * |gpu − cpu| 1.1e-7 with the series, 1.9e-7 with plain `log(c1 / c0)`.
 *
 * Bindings: 0 shape (uniform), 1 sources (read_write: close in [0, rows), log returns written to
 * [rows, 2·rows)).
 */
export function createLogReturnProgram(workgroupSize: number): GpuProgram {
	const code = /* wgsl */ `
${FEATURE_KERNEL_PRELUDE}
${flatIndexWgsl(workgroupSize)}
@group(0) @binding(0) var<uniform> shape: Shape;
@group(0) @binding(1) var<storage, read_write> sources: array<u32>;

fn log_ratio(c0: f32, c1: f32) -> f32 {
	let q = (c1 - c0) / c0;
	let z = q / (2.0 + q);
	if (abs(z) < 0.1) {
		let z2 = z * z;
		return 2.0 * z * (1.0 + z2 * (1.0 / 3.0 + z2 * (1.0 / 5.0 + z2 * (1.0 / 7.0 + z2 / 9.0))));
	}
	return log(c1 / c0);
}

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let i = flat_index(gid, groups);
	if (i >= shape.rows) {
		return;
	}
	var result = NAN_BITS;
	if (i > 0u) {
		let a = sources[i - 1u];
		let b = sources[i];
		if (!is_missing(a) && !is_missing(b)) {
			let c0 = bitcast<f32>(a);
			let c1 = bitcast<f32>(b);
			if (c0 > 0.0 && c1 > 0.0) {
				result = bitcast<u32>(log_ratio(c0, c1));
			}
		}
	}
	sources[shape.rows + i] = result;
}
`;
	return { name: `log-return@${workgroupSize}`, code, workgroupSize };
}
