/**
 * Parallel prefix scan of h_t = a_t ⊙ h_{t−1} + b_t (Blelloch 1990, "Prefix sums and their
 * applications", §1.4: first-order linear recurrences scan with (a₁,b₁)∘(a₂,b₂) = (a₁a₂, a₂b₁ + b₂)).
 * One workgroup per (batch, channel) sequence walks T in tiles of its size: a Hillis–Steele scan of
 * the tile in workgroup memory (log₂ W steps), then the carry from the previous tile. With `reverse`
 * it runs the adjoint recurrence (coefficient from t+1), so the backward pass is this kernel again.
 * f64 twin: linear-scan-reference.ts.
 *
 * f32 error: each prefix is a product of ≤ T coefficients and a sum of ≤ T terms, reassociated over
 * log₂ W levels; with |a| ≤ 1 the error is ≲ (log₂ W + tiles)·2⁻²⁴ · Σ|b| — ~1e-6 relative here.
 */
import type { GpuProgram } from '../../gpu-program';

export function linearScanProgram(workgroupSize: number): GpuProgram {
	const W = workgroupSize;
	return {
		name: `linear_scan_wg${W}`,
		workgroupSize: W,
		code: /* wgsl */ `
struct ScanShape { batch: u32, steps: u32, channels: u32, reverse: u32 }
@group(0) @binding(0) var<uniform> shape: ScanShape;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> h: array<f32>;

var<workgroup> sa: array<f32, ${W}>;
var<workgroup> sb: array<f32, ${W}>;

@compute @workgroup_size(${W})
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>,
		@builtin(num_workgroups) groups: vec3<u32>) {
	// workgroup_id is uniform, so this early exit keeps the barriers below in uniform control flow.
	let seq = wid.x + wid.y * groups.x;
	if (seq >= shape.batch * shape.channels) { return; }
	let n = seq / shape.channels;
	let c = seq % shape.channels;
	let T = shape.steps;
	let C = shape.channels;
	let reverse = shape.reverse != 0u;
	var carry = 0.0;
	for (var tile = 0u; tile < T; tile += ${W}u) {
		let p = tile + lid;
		let inRange = p < T;
		let t = select(p, T - 1u - p, reverse);
		let i = (n * T + t) * C + c;
		var ca = 1.0;
		var cb = 0.0;
		if (inRange) {
			cb = b[i];
			if (!reverse) { ca = a[i]; } else if (t + 1u < T) { ca = a[i + C]; } else { ca = 0.0; }
		}
		sa[lid] = ca;
		sb[lid] = cb;
		workgroupBarrier();
		for (var offset = 1u; offset < ${W}u; offset *= 2u) {
			var na = sa[lid];
			var nb = sb[lid];
			if (lid >= offset) {
				nb = na * sb[lid - offset] + nb;
				na = na * sa[lid - offset];
			}
			workgroupBarrier();
			sa[lid] = na;
			sb[lid] = nb;
			workgroupBarrier();
		}
		if (inRange) { h[i] = sa[lid] * carry + sb[lid]; }
		carry = sa[${W - 1}u] * carry + sb[${W - 1}u];
		workgroupBarrier();
	}
}
`
	};
}
