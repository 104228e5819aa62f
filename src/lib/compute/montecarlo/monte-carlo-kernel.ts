import { flatIndexWgsl, type GpuProgram } from '../gpu-program';
import { PHILOX_WGSL } from './philox-wgsl';

/**
 * Monte Carlo paths, one per thread: the WGSL twin of `pathReturns` + `pathMetrics` in
 * `core/montecarlo` (bootstrap, GBM and 2-regime Markov GBM; same Philox counters, same integer
 * decisions, f32 arithmetic instead of f64). Each thread writes (final return, max drawdown,
 * Sharpe, ruined ∈ {0, 1}) for its path; each workgroup then tree-reduces Σ and Σx² of those four
 * into `partials` (2 × vec4 per workgroup), which the host adds in f64 for means and stds.
 * Quantiles need every value, so the host computes them from the per-path outputs it reads back.
 *
 * Bindings: 0 params (uniform, `MonteCarloParams`), 1 series (f32 bootstrap source; a dummy for
 * the other models), 2 out (vec4<f32> per path of the dispatch), 3 partials (vec4<f32>,
 * [Σ, Σx²] per workgroup). `workgroupSize` must be a power of two (the reduction halves it).
 */
export function createMonteCarloProgram(workgroupSize: number): GpuProgram {
	if (workgroupSize < 1 || (workgroupSize & (workgroupSize - 1)) !== 0)
		throw new RangeError(`workgroupSize must be a power of two, got ${workgroupSize}`);
	const code = /* wgsl */ `
${PHILOX_WGSL}
${flatIndexWgsl(workgroupSize)}
struct Params {
	paths: u32,
	first_path: u32,
	steps: u32,
	kind: u32,
	seed: u32,
	stream: u32,
	series_len: u32,
	restart_threshold: u32,
	switch0: u32,
	switch1: u32,
	initial_mode: u32,
	initial_threshold: u32,
	drift0: f32,
	sigma0: f32,
	drift1: f32,
	sigma1: f32,
	ruin_log: f32,
	annual: f32,
	pad0: u32,
	pad1: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> series: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> partials: array<vec4<f32>>;

var<workgroup> sums: array<vec4<f32>, ${workgroupSize}>;
var<workgroup> squares: array<vec4<f32>, ${workgroupSize}>;

fn step_return(x: vec4<u32>, s: u32, index: ptr<function, u32>, regime: ptr<function, u32>) -> f32 {
	if (params.kind == 0u) {
		if (s == 0u || (x.y >> 1u) < params.restart_threshold) {
			*index = mulhi32(x.x, params.series_len);
		} else {
			*index = *index + 1u;
			if (*index == params.series_len) {
				*index = 0u;
			}
		}
		return series[*index];
	}
	if (params.kind == 2u) {
		let x2 = x.z >> 1u;
		if (s == 0u) {
			if (params.initial_mode == 2u) {
				*regime = select(0u, 1u, x2 < params.initial_threshold);
			} else {
				*regime = params.initial_mode;
			}
		} else if (x2 < select(params.switch0, params.switch1, *regime == 1u)) {
			*regime = 1u - *regime;
		}
	}
	let one = *regime == 1u;
	return select(params.drift0, params.drift1, one) + select(params.sigma0, params.sigma1, one) * box_muller(x.x, x.y);
}

fn simulate(path: u32) -> vec4<f32> {
	let key = vec2<u32>(params.seed, 0u);
	var index = 0u;
	var regime = 0u;
	var cum = 0.0;
	var peak = 0.0;
	var dd = 0.0;
	var min_log = 0.0;
	var shift = 0.0;
	var sd = 0.0;
	var sd2 = 0.0;
	for (var s = 0u; s < params.steps; s++) {
		let x = philox4x32(vec4<u32>(path, s, params.stream, 0u), key);
		let r = step_return(x, s, &index, &regime);
		if (s == 0u) {
			shift = r;
		}
		cum += r;
		if (cum > peak) {
			peak = cum;
		} else if (peak - cum > dd) {
			dd = peak - cum;
		}
		min_log = min(min_log, cum);
		let d = r - shift;
		sd += d;
		sd2 += d * d;
	}
	var sharpe = 0.0;
	if (params.steps > 1u) {
		let n = f32(params.steps);
		let variance = (sd2 - sd * sd / n) / (n - 1.0);
		if (variance > 0.0) {
			sharpe = (shift + sd / n) / sqrt(variance) * params.annual;
		}
	}
	return vec4<f32>(exp(cum) - 1.0, 1.0 - exp(-dd), sharpe, select(0.0, 1.0, min_log <= params.ruin_log));
}

@compute @workgroup_size(${workgroupSize})
fn main(
	@builtin(global_invocation_id) gid: vec3<u32>,
	@builtin(local_invocation_index) lid: u32,
	@builtin(workgroup_id) wid: vec3<u32>,
	@builtin(num_workgroups) groups: vec3<u32>
) {
	let t = flat_index(gid, groups);
	var m = vec4<f32>(0.0);
	if (t < params.paths) {
		m = simulate(params.first_path + t);
		out[t] = m;
	}
	sums[lid] = m;
	squares[lid] = m * m;
	workgroupBarrier();
	for (var stride = ${workgroupSize / 2}u; stride > 0u; stride >>= 1u) {
		if (lid < stride) {
			sums[lid] += sums[lid + stride];
			squares[lid] += squares[lid + stride];
		}
		workgroupBarrier();
	}
	if (lid == 0u) {
		let g = wid.x + wid.y * groups.x;
		partials[2u * g] = sums[0];
		partials[2u * g + 1u] = squares[0];
	}
}
`;
	return { name: `monte-carlo@${workgroupSize}`, code, workgroupSize };
}
