/**
 * Retention kernels (f64 twins in retention-reference.ts). Chunkwise retention is two dispatches:
 * `retention_states` scans the chunk states with one thread per (row, d, e) state entry, each
 * looping over the chunks on its own (no shared memory, no barriers), then `retention_output` gives
 * one thread per (row, position, e) its intra-chunk sum plus the decayed cross-chunk term.
 * `retention_step` is the recurrent form for decoding one token. Shapes are uniforms.
 *
 * f32 error: an output sums ≤ C·dk + dk products of O(1) values (≈ (C+1)·dk·2⁻²⁴ relative), and a
 * state is an exponentially weighted sum over ≤ 1/(1−γ) effective steps, so errors stay at a few
 * 1e-6 of the output scale for C ≤ 64, dk ≤ 64, γ ≤ 0.99; the specs state the bounds they check.
 */
import { flatIndexWgsl, type GpuProgram } from '../../gpu-program';

const SHAPE = /* wgsl */ `
struct RetentionShape {
	rows: u32, steps: u32, keyDim: u32, valueDim: u32,
	heads: u32, chunk: u32, reverse: u32, chunks: u32,
}
@group(0) @binding(0) var<uniform> shape: RetentionShape;

fn time_at(p: u32) -> u32 {
	return select(p, shape.steps - 1u - p, shape.reverse != 0u);
}
`;

/** States before each chunk: `states [rows, chunks, dk, dv]`. */
export function retentionStatesProgram(workgroupSize: number): GpuProgram {
	return {
		name: `retention_states_wg${workgroupSize}`,
		workgroupSize,
		code: /* wgsl */ `
${SHAPE}
${flatIndexWgsl(workgroupSize)}
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> gamma: array<f32>;
@group(0) @binding(4) var<storage, read_write> states: array<f32>;

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let i = flat_index(gid, groups);
	let dk = shape.keyDim;
	let dv = shape.valueDim;
	if (i >= shape.rows * dk * dv) { return; }
	let row = i / (dk * dv);
	let d = (i / dv) % dk;
	let e = i % dv;
	let g = gamma[row % shape.heads];
	let N = shape.steps;
	var R = 0.0;
	for (var c = 0u; c < shape.chunks; c++) {
		states[((row * shape.chunks + c) * dk + d) * dv + e] = R;
		let start = c * shape.chunk;
		let L = min(shape.chunk, N - start);
		// Horner over the chunk: R ← γ^L R + Σ_j γ^(L−1−j) k_j[d] v_j[e].
		for (var j = 0u; j < L; j++) {
			let m = time_at(start + j);
			R = g * R + k[(row * N + m) * dk + d] * v[(row * N + m) * dv + e];
		}
	}
}
`
	};
}

/** `out [rows, N, dv]` from q, k, v and the chunk states. */
export function retentionOutputProgram(workgroupSize: number): GpuProgram {
	return {
		name: `retention_output_wg${workgroupSize}`,
		workgroupSize,
		code: /* wgsl */ `
${SHAPE}
${flatIndexWgsl(workgroupSize)}
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> gamma: array<f32>;
@group(0) @binding(5) var<storage, read> states: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let i = flat_index(gid, groups);
	let N = shape.steps;
	let dk = shape.keyDim;
	let dv = shape.valueDim;
	if (i >= shape.rows * N * dv) { return; }
	let row = i / (N * dv);
	let p = (i / dv) % N;
	let e = i % dv;
	let g = gamma[row % shape.heads];
	let c = p / shape.chunk;
	let j = p % shape.chunk;
	let n = time_at(p);
	let qo = (row * N + n) * dk;
	var cross = 0.0;
	let so = (row * shape.chunks + c) * dk;
	for (var d = 0u; d < dk; d++) { cross += q[qo + d] * states[(so + d) * dv + e]; }
	// Intra-chunk, newest first so the decay is one multiply per term.
	var inner = 0.0;
	var decay = 1.0;
	for (var back = 0u; back <= j; back++) {
		let m = time_at(p - back);
		var dot = 0.0;
		for (var d = 0u; d < dk; d++) { dot += q[qo + d] * k[(row * N + m) * dk + d]; }
		inner += decay * dot * v[(row * N + m) * dv + e];
		decay *= g;
	}
	// decay is now γ^(j+1), the cross-chunk weight.
	out[(row * N + n) * dv + e] = inner + decay * cross;
}
`
	};
}

/** One decoding step: `state [rows, dk, dv]` updated in place, `out [rows, dv]`. */
export function retentionStepProgram(workgroupSize: number): GpuProgram {
	return {
		name: `retention_step_wg${workgroupSize}`,
		workgroupSize,
		code: /* wgsl */ `
${SHAPE}
${flatIndexWgsl(workgroupSize)}
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> gamma: array<f32>;
@group(0) @binding(5) var<storage, read_write> state: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let i = flat_index(gid, groups);
	let dk = shape.keyDim;
	let dv = shape.valueDim;
	if (i >= shape.rows * dv) { return; }
	let row = i / dv;
	let e = i % dv;
	let g = gamma[row % shape.heads];
	let ve = v[row * dv + e];
	var o = 0.0;
	// This thread owns column e of the row's state: no other thread touches it.
	for (var d = 0u; d < dk; d++) {
		let si = (row * dk + d) * dv + e;
		let s = g * state[si] + k[row * dk + d] * ve;
		state[si] = s;
		o += q[row * dk + d] * s;
	}
	out[i] = o;
}
`
	};
}
