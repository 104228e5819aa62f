/**
 * The parallel linear scan of linear-scan-wgsl.ts as a body for a tfjs-backend-webgpu program (see
 * ml/fused/sequence-programs.ts): inputs `a, b [B, T, C]`, output `result [B, T, C]`, uniform
 * `reverse` (the adjoint recurrence, coefficient from t+1). Same Hillis–Steele tiles, same f32 error
 * argument, same f64 twin (linear-scan-reference.ts). One workgroup per (batch, channel) sequence.
 */

/** Custom uniforms appended to tfjs' `Uniforms` struct. */
export const SCAN_TFJS_UNIFORMS = 'reverse : i32,';

export const linearScanTfjsWgsl = (workgroupSize: number): string => {
	const W = workgroupSize;
	return /* wgsl */ `
var<workgroup> sa: array<f32, ${W}>;
var<workgroup> sb: array<f32, ${W}>;

fn main(index: i32) {
	// tfjs passes workgroupId through a private variable, which WGSL's uniformity analysis treats
	// as non-uniform: no early exit, so every barrier below stays in uniform control flow; a
	// surplus workgroup (tfjs may fold the dispatch into 2-D) only masks its loads and stores.
	let seq = i32(workgroupId.x + workgroupId.y * numWorkgroups.x +
		workgroupId.z * numWorkgroups.x * numWorkgroups.y);
	let T = uniforms.aShape.y;
	let C = uniforms.aShape.z;
	let live = seq < uniforms.aShape.x * C;
	let n = seq / C;
	let c = seq % C;
	let lid = i32(localIndex);
	let reverse = uniforms.reverse != 0;
	var carry = 0.0;
	for (var tile = 0; tile < T; tile += ${W}) {
		let p = tile + lid;
		let inRange = live && p < T;
		let t = select(p, T - 1 - p, reverse);
		let i = (n * T + t) * C + c;
		var ca = 1.0;
		var cb = 0.0;
		if (inRange) {
			cb = b[i];
			if (!reverse) { ca = a[i]; } else if (t + 1 < T) { ca = a[i + C]; } else { ca = 0.0; }
		}
		sa[lid] = ca;
		sb[lid] = cb;
		workgroupBarrier();
		for (var offset = 1; offset < ${W}; offset *= 2) {
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
		if (inRange) { result[i] = sa[lid] * carry + sb[lid]; }
		carry = sa[${W - 1}] * carry + sb[${W - 1}];
		workgroupBarrier();
	}
}
`;
};
