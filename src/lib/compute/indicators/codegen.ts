/**
 * WGSL for a `GpuPlan`: one program per map/window pass, three per scan pass (reduce, carry, apply:
 * see `affine-scan.ts`), and one `emit` program that writes the outputs with the CPU path's NaNs.
 * Every program shares one bind-group layout (`INDICATOR_BINDINGS`), so a plan's passes run in a
 * single compute pass over one bind group.
 *
 * Storage holding results is read and written as u32 bits: WGSL lets implementations assume floats
 * are finite and makes a NaN constant a shader-creation error, so NaN is written as a bit pattern.
 */
import type { GpuProgram } from '../gpu-program';
import type { Col, GpuPlan, MapPass, ScanPass, WindowPass } from './plan';

/** Rows per block of the blocked scan: depth ≈ CHUNK + bars / CHUNK, work ≈ 2 × bars. */
export const SCAN_CHUNK = 64;

const prelude = (wg: number) => /* wgsl */ `
const NAN_BITS: u32 = 0x7fc00000u;
const CHUNK: i32 = ${SCAN_CHUNK};
const WG: u32 = ${wg}u;

struct Dims {
	bars: u32,
	series: u32,
	param_sets: u32,
	lanes: u32,
	n_params: u32,
	chunks: u32,
	n_outputs: u32,
	pad: u32,
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> inputs: array<f32>;
@group(0) @binding(3) var<storage, read_write> ws: array<u32>;
@group(0) @binding(4) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<u32>;

// The (series, parameter set) this invocation works on.
var<private> lane: u32;

fn prm(k: u32) -> f32 {
	return params[(lane % dims.param_sets) * dims.n_params + k];
}

fn inp(f: u32, row: i32) -> f32 {
	return inputs[(f * dims.bars + u32(row)) * dims.series + lane / dims.param_sets];
}

fn at(c: u32, row: i32) -> u32 {
	return (c * dims.bars + u32(row)) * dims.lanes + lane;
}

fn rd(c: u32, row: i32) -> f32 {
	return bitcast<f32>(ws[at(c, row)]);
}

fn wr(c: u32, row: i32, v: f32) {
	ws[at(c, row)] = bitcast<u32>(v);
}

// Kahan–Babuška (Neumaier) compensated add: the window sums keep ~1 ulp of error instead of w ulps.
fn kadd(s: ptr<function, f32>, c: ptr<function, f32>, x: f32) {
	let t = *s + x;
	if (abs(*s) >= abs(x)) {
		*c += (*s - t) + x;
	} else {
		*c += (x - t) + *s;
	}
	*s = t;
}

// Window helpers over column c, rows last − count + 1 … last (oldest first). Each re-reads its
// window: O(count) per call, exact to f32 rounding, no drift along the series.
fn wsum(c: u32, last: i32, count: i32) -> f32 {
	var s = 0.0;
	var e = 0.0;
	for (var j = last - count + 1; j <= last; j++) {
		kadd(&s, &e, rd(c, j));
	}
	return s + e;
}

// Σ (xⱼ − m)^power, compensated: the two-pass central moment (Chan, Golub & LeVeque 1983) in f32.
fn wcentral(c: u32, last: i32, count: i32, m: f32, power: i32) -> f32 {
	var s = 0.0;
	var e = 0.0;
	for (var j = last - count + 1; j <= last; j++) {
		let d = rd(c, j) - m;
		var v = d;
		if (power == 2) { v = d * d; }
		if (power == 3) { v = d * d * d; }
		if (power == 4) { v = (d * d) * (d * d); }
		if (power == -1) { v = abs(d); }
		kadd(&s, &e, v);
	}
	return s + e;
}

// Σ (xⱼ − mx)(yⱼ − my), compensated.
fn wcross(cx: u32, cy: u32, last: i32, count: i32, mx: f32, my: f32) -> f32 {
	var s = 0.0;
	var e = 0.0;
	for (var j = last - count + 1; j <= last; j++) {
		kadd(&s, &e, (rd(cx, j) - mx) * (rd(cy, j) - my));
	}
	return s + e;
}

fn wmax(c: u32, last: i32, count: i32) -> f32 {
	var m = rd(c, last);
	for (var j = last - count + 1; j < last; j++) {
		m = max(m, rd(c, j));
	}
	return m;
}

fn wmin(c: u32, last: i32, count: i32) -> f32 {
	var m = rd(c, last);
	for (var j = last - count + 1; j < last; j++) {
		m = min(m, rd(c, j));
	}
	return m;
}

// Bars since the window's maximum (sign = 1) or minimum (sign = −1); ties go to the most recent bar.
fn wextreme_age(c: u32, last: i32, count: i32, sign: f32) -> f32 {
	var best = sign * rd(c, last - count + 1);
	var at_row = last - count + 1;
	for (var j = last - count + 2; j <= last; j++) {
		let v = sign * rd(c, j);
		if (v >= best) {
			best = v;
			at_row = j;
		}
	}
	return f32(last - at_row);
}

// The k-th smallest (0-based) of the window by counting ranks: O(count²), no per-thread array,
// fine for windows up to a few hundred bars.
fn wkth(c: u32, last: i32, count: i32, k: i32) -> f32 {
	for (var i = last - count + 1; i <= last; i++) {
		let x = rd(c, i);
		var less = 0;
		var equal = 0;
		for (var j = last - count + 1; j <= last; j++) {
			let y = rd(c, j);
			less += select(0, 1, y < x);
			equal += select(0, 1, y == x);
		}
		if (less <= k && k < less + equal) {
			return x;
		}
	}
	return rd(c, last);
}

fn flat(gid: vec3<u32>, groups: vec3<u32>) -> u32 {
	return gid.x + gid.y * groups.x * WG;
}
`;

const entry = (wg: number, body: string) => /* wgsl */ `
@compute @workgroup_size(${wg})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
	let idx = flat(gid, groups);
${body}
}
`;

/** One thread per (row, lane), returning early before the column's start. */
const perElement = (dst: Col, inner: string) => /* wgsl */ `
	if (idx >= dims.bars * dims.lanes) {
		return;
	}
	lane = idx % dims.lanes;
	let t = i32(idx / dims.lanes);
	if (t < ${dst.start}) {
		return;
	}
${inner}`;

/** Which threads a program needs: per (row, lane), per (scan block, lane), or per lane. */
export type ThreadShape = 'element' | 'block' | 'lane';

export interface IndicatorProgram extends GpuProgram {
	threads: ThreadShape;
}

const program = (
	name: string,
	wg: number,
	threads: ThreadShape,
	body: string,
	helpers = ''
): IndicatorProgram => ({
	name: `${name}@${wg}`,
	code: prelude(wg) + helpers + entry(wg, body),
	workgroupSize: wg,
	threads
});

function mapProgram(name: string, pass: MapPass, wg: number, helpers: string): IndicatorProgram {
	return program(
		name,
		wg,
		'element',
		perElement(pass.dst, `\twr(${pass.dst.index}u, t, ${pass.expr});`),
		helpers
	);
}

function windowProgram(
	name: string,
	pass: WindowPass,
	wg: number,
	helpers: string
): IndicatorProgram {
	const inner = /* wgsl */ `
	let w = ${pass.window};
	${pass.init}
	for (var k = 0; k < w; k++) {
		let j = t - w + 1 + k;
		${pass.step}
	}
	wr(${pass.dst.index}u, t, ${pass.result});`;
	return program(name, wg, 'element', perElement(pass.dst, inner), helpers);
}

/**
 * The three scan programs. Each row is an affine map: identity before the start, the constant
 * `seed` at the start, (aₜ, bₜ) after it. `reduce` composes each block's maps, `carry` runs the
 * block aggregates down the lane (bars / CHUNK steps), `apply` replays each block from its carry.
 */
function scanPrograms(
	name: string,
	pass: ScanPass,
	wg: number,
	helpers: string
): IndicatorProgram[] {
	const s = pass.dst.start;
	const block = /* wgsl */ `
	if (idx >= dims.chunks * dims.lanes) {
		return;
	}
	lane = idx % dims.lanes;
	let chunk = i32(idx / dims.lanes);
	let s = ${s};
	let lo = chunk * CHUNK;
	let hi = min(lo + CHUNK, i32(dims.bars));
	let slot = (u32(chunk) * dims.lanes + lane) * 2u;`;
	const reduce = /* wgsl */ `${block}
	var A = 1.0;
	var B = 0.0;
	for (var t = max(lo, s); t < hi; t++) {
		if (t == s) {
			A = 0.0;
			B = ${pass.seed};
			continue;
		}
		let a = ${pass.a};
		let b = ${pass.b};
		A = a * A;
		B = a * B + b;
	}
	scratch[slot] = A;
	scratch[slot + 1u] = B;`;
	const carry = /* wgsl */ `
	if (idx >= dims.lanes) {
		return;
	}
	lane = idx;
	var y = 0.0;
	for (var c = 0u; c < dims.chunks; c++) {
		let slot = (c * dims.lanes + lane) * 2u;
		let A = scratch[slot];
		let B = scratch[slot + 1u];
		scratch[slot] = y;
		y = A * y + B;
	}`;
	const apply = /* wgsl */ `${block}
	var y = scratch[slot];
	for (var t = max(lo, s); t < hi; t++) {
		if (t == s) {
			y = ${pass.seed};
		} else {
			y = ${pass.a} * y + ${pass.b};
		}
		wr(${pass.dst.index}u, t, y);
	}`;
	return [
		program(`${name}-reduce`, wg, 'block', reduce, helpers),
		program(`${name}-carry`, wg, 'lane', carry),
		program(`${name}-apply`, wg, 'block', apply, helpers)
	];
}

/**
 * Writes `out[((t · lanes) + lane) · outputs + o]`: NaN before the latest output start (the CPU
 * path's single warm-up per indicator) and on rows where any output's `nanWhen` holds.
 */
function emitProgram(plan: GpuPlan, wg: number): IndicatorProgram {
	const start = plan.outputs.map((o) => o.col.start).reduce((a, b) => `max(${a}, ${b})`);
	const conditions = plan.outputs.filter((o) => o.nanWhen).map((o) => `(${o.nanWhen})`);
	const writes = plan.outputs
		.map(
			(o, k) =>
				`\tout[base + ${k}u] = select(ws[at(${o.col.index}u, max(t, 0))], NAN_BITS, missing);`
		)
		.join('\n');
	const body = /* wgsl */ `
	if (idx >= dims.bars * dims.lanes) {
		return;
	}
	lane = idx % dims.lanes;
	let t = i32(idx / dims.lanes);
	let base = idx * dims.n_outputs;
	var missing = t < ${start};
	if (!missing) {
		missing = ${conditions.length ? conditions.join(' || ') : 'false'};
	}
${writes}`;
	return program(`${plan.id}-emit`, wg, 'element', body, plan.helpers);
}

/** Every program of a plan, in dispatch order. Names embed the plan id and pass number. */
export function planPrograms(plan: GpuPlan, wg: number): IndicatorProgram[] {
	const programs = plan.passes.flatMap((pass, i) => {
		const name = `${plan.id}-${i}-${pass.kind}`;
		if (pass.kind === 'map') return [mapProgram(name, pass, wg, plan.helpers)];
		if (pass.kind === 'window') return [windowProgram(name, pass, wg, plan.helpers)];
		return scanPrograms(name, pass, wg, plan.helpers);
	});
	return [...programs, emitProgram(plan, wg)];
}
