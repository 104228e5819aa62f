import type { GpuProgram } from '../gpu-program';

/**
 * Philox4x32-10 (Salmon et al. 2011, Random123) in WGSL, the twin of `philox4x32` in
 * `core/random/philox.ts` and `philoxBlock` in `core/montecarlo`: WGSL has no 64-bit integers and
 * no mul-hi, so the high word of the 32×32 product is built from 16-bit halves (each partial
 * product fits in a u32; u32 `*` wraps, giving the low word). Also `box_muller`, the WGSL twin of
 * `boxMuller` in `core/montecarlo/path-returns.ts` (same 24-bit uniforms, same argument reduction).
 */
export const PHILOX_WGSL = /* wgsl */ `
fn mulhi32(a: u32, b: u32) -> u32 {
	let a_hi = a >> 16u;
	let a_lo = a & 0xffffu;
	let b_hi = b >> 16u;
	let b_lo = b & 0xffffu;
	let lo_lo = a_lo * b_lo;
	let mid1 = a_hi * b_lo;
	let mid2 = a_lo * b_hi;
	let carry = ((lo_lo >> 16u) + (mid1 & 0xffffu) + (mid2 & 0xffffu)) >> 16u;
	return a_hi * b_hi + (mid1 >> 16u) + (mid2 >> 16u) + carry;
}

fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
	var c = counter;
	var k = key;
	for (var round = 0u; round < 10u; round++) {
		let hi0 = mulhi32(0xd2511f53u, c.x);
		let lo0 = 0xd2511f53u * c.x;
		let hi1 = mulhi32(0xcd9e8d57u, c.z);
		let lo1 = 0xcd9e8d57u * c.z;
		c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
		k = k + vec2<u32>(0x9e3779b9u, 0xbb67ae85u);
	}
	return c;
}

// ln x for x in (0, 1] from basic arithmetic only, so every GPU gives the same few-ulp result
// (WGSL lets the built-in log be off by 2^-21 absolute near 1, which the square root in Box-Muller
// magnifies). x = m 2^e with m in [sqrt(1/2), sqrt(2)); ln x = e ln 2 + 2 atanh(f), f = (m - 1) /
// (m + 1), |f| <= 0.1716, atanh's series to f^9 (truncation < 1e-9).
fn ln_unit(x: f32) -> f32 {
	let bits = bitcast<u32>(x);
	var e = i32((bits >> 23u) & 0xffu) - 127;
	var m = bitcast<f32>((bits & 0x007fffffu) | 0x3f800000u);
	if (m > 1.4142135) {
		m = m * 0.5;
		e = e + 1;
	}
	let f = (m - 1.0) / (m + 1.0);
	let f2 = f * f;
	let s = f * (2.0 + f2 * (0.6666666666666666 + f2 * (0.4 + f2 * (0.2857142857142857 + f2 * 0.2222222222222222))));
	return f32(e) * 0.6931471805599453 + s;
}

// cos(2 pi t) for t in [-1/2, 1/2], from basic arithmetic only (WGSL allows the built-in cos an
// absolute error of 2^-11; SwiftShader's measured 1.9e-4). Reduced to |x| <= pi/4 by quarter
// turns (exact: t is a multiple of 2^-24), then Taylor series to x^8 / x^9 (truncation < 3e-8).
fn cos_small(x: f32) -> f32 {
	let x2 = x * x;
	return 1.0 + x2 * (-0.5 + x2 * (0.041666666666666664 + x2 * (-0.001388888888888889 + x2 * 0.0000248015873015873)));
}

fn sin_small(x: f32) -> f32 {
	let x2 = x * x;
	return x * (1.0 + x2 * (-0.16666666666666666 + x2 * (0.008333333333333333 + x2 * (-0.0001984126984126984 + x2 * 0.0000027557319223985893))));
}

fn cos_turns(t: f32) -> f32 {
	let a = abs(t);
	if (a <= 0.125) {
		return cos_small(6.283185307179586 * a);
	}
	if (a <= 0.375) {
		return sin_small(6.283185307179586 * (0.25 - a));
	}
	return -cos_small(6.283185307179586 * (0.5 - a));
}

// A standard normal from two u32s by Box-Muller: u1 in (0, 1], u2 in [0, 1), both exact 24-bit
// values; cos(2 pi u2) = -cos(2 pi (u2 - 1/2)).
fn box_muller(x0: u32, x1: u32) -> f32 {
	let u1 = f32((x0 >> 8u) + 1u) * 5.9604644775390625e-8;
	let u2 = f32(x1 >> 8u) * 5.9604644775390625e-8;
	return -sqrt(-2.0 * ln_unit(u1)) * cos_turns(u2 - 0.5);
}
`;

/**
 * A tiny kernel for the twin test: thread i writes philox4x32(counters[i], keys[i]). Bindings:
 * 0 counters (vec4<u32>), 1 keys (vec2<u32> stored as vec4<u32>, .xy used), 2 out (vec4<u32>).
 */
export function createPhiloxProgram(): GpuProgram {
	const code = /* wgsl */ `
${PHILOX_WGSL}
@group(0) @binding(0) var<storage, read> counters: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read> keys: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read_write> out: array<vec4<u32>>;

@compute @workgroup_size(1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
	let i = gid.x;
	if (i >= arrayLength(&out)) {
		return;
	}
	out[i] = philox4x32(counters[i], keys[i].xy);
}
`;
	return { name: 'philox4x32-kat', code, workgroupSize: 1 };
}
