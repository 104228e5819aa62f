/**
 * GPU plans for the spectral indicators (CPU twins: core/indicators/spectral). Each output is one
 * pass in which every (bar, lane) thread transforms its own window of the last N log returns,
 * reading the window from the returns column instead of a per-thread array (N is up to 4,096).
 */
import { DAUBECHIES_4 } from '../../../core/indicators/spectral/wavelet-energies';
import { PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { field, logReturns } from './building-blocks';

/** N = 2^windowLog2 (i32) and the returns column; outputs start at row N. */
function returnWindow(b: PlanBuilder): { r: Col; n: string } {
	const r = logReturns(b, field(b, 'close'));
	return { r, n: `(1 << u32(${b.ip('windowLog2')}))` };
}

/** Σ r² over the window: the total energy every share divides by (Parseval). */
function windowEnergy(b: PlanBuilder, r: Col, n: string): Col {
	return b.window(n, n, {
		init: 'var s = 0.0;\n\tvar e = 0.0;',
		step: `kadd(&s, &e, ${rd(r, 'j')} * ${rd(r, 'j')});`,
		result: 's + e'
	});
}

/** Each energy column as its share of the window's total; NaN when every return is 0. */
function shares(b: PlanBuilder, energies: Col[], total: Col, n: string) {
	return energies.map((e) => ({
		col: b.map(n, `${rd(e)} / ${rd(total)}`),
		nanWhen: `${rd(total)} == 0.0`
	}));
}

/**
 * Haar energies: the level-1…3 details and level-3 approximation of each aligned block of 8
 * returns are sums and differences within the block, so each output is one window pass.
 */
export function waveletHaarPlan(): GpuPlan {
	const b = new PlanBuilder('wavelet_haar', ['windowLog2']);
	const { r, n } = returnWindow(b);
	const x = (i: number) => rd(r, `j - ${7 - i}`);
	const sum = (from: number, to: number) =>
		`(${Array.from({ length: to - from }, (_, i) => x(from + i)).join(' + ')})`;
	const terms = [
		[0, 2, 4, 6].map((i) => `pow(${x(i)} - ${x(i + 1)}, 2.0) / 2.0`).join(' + '),
		`(pow(${sum(0, 2)} - ${sum(2, 4)}, 2.0) + pow(${sum(4, 6)} - ${sum(6, 8)}, 2.0)) / 4.0`,
		`pow(${sum(0, 4)} - ${sum(4, 8)}, 2.0) / 8.0`,
		`pow(${sum(0, 8)}, 2.0) / 8.0`
	];
	const energies = terms.map((term) =>
		b.window(n, n, {
			init: 'var s = 0.0;\n\tvar e = 0.0;',
			// The window starts a Haar block: block ends are every 8th row from its oldest.
			step: `if (k % 8 == 7) {\n\t\t\tkadd(&s, &e, ${term});\n\t\t}`,
			result: 's + e'
		})
	);
	return b.build(shares(b, energies, windowEnergy(b, r, n), n));
}

const f32Array = (xs: readonly number[]) =>
	`array<f32, ${xs.length}>(${xs.map((x) => x.toPrecision(9)).join(', ')})`;

/**
 * Periodic D4 pyramid without arrays: a level-j coefficient is recomputed from level j − 1 on
 * demand (4 reads at level 1, 16 at level 2, 64 at level 3), with each level's indices wrapping
 * inside its own length exactly as the CPU's `waveletEnergies`. About 22 N reads per bar.
 */
const DB4_WGSL = (() => {
	const h = DAUBECHIES_4;
	const g = h.map((_, k) => (k % 2 ? -1 : 1) * h[h.length - 1 - k]);
	return /* wgsl */ `
fn db4_tap(k: i32, detail: bool) -> f32 {
	return select(${f32Array(h)}[k], ${f32Array(g)}[k], detail);
}

// Approximation coefficient j at level 1 of the window of n returns from row base.
fn db4_a1(c: u32, base: i32, n: i32, j: i32) -> f32 {
	var s = 0.0;
	for (var k = 0; k < 4; k++) {
		s += db4_tap(k, false) * rd(c, base + (2 * j + k) % n);
	}
	return s;
}

fn db4_a2(c: u32, base: i32, n: i32, j: i32) -> f32 {
	var s = 0.0;
	for (var k = 0; k < 4; k++) {
		s += db4_tap(k, false) * db4_a1(c, base, n, (2 * j + k) % (n / 2));
	}
	return s;
}

// Energy of the level-\`level\` details (detail) or approximation (level 3 only), compensated.
fn db4_energy(c: u32, t: i32, n: i32, level: i32, detail: bool) -> f32 {
	let base = t - n + 1;
	let m = n >> u32(level - 1);
	var e = 0.0;
	var ec = 0.0;
	for (var j = 0; j < m / 2; j++) {
		var v = 0.0;
		for (var k = 0; k < 4; k++) {
			let i = (2 * j + k) % m;
			var a = 0.0;
			if (level == 1) {
				a = rd(c, base + i);
			} else if (level == 2) {
				a = db4_a1(c, base, n, i);
			} else {
				a = db4_a2(c, base, n, i);
			}
			v += db4_tap(k, detail) * a;
		}
		kadd(&e, &ec, v * v);
	}
	return e + ec;
}
`;
})();

export function waveletDb4Plan(): GpuPlan {
	const b = new PlanBuilder('wavelet_db4', ['windowLog2']);
	b.helper(DB4_WGSL);
	const { r, n } = returnWindow(b);
	const energies = [
		[1, true],
		[2, true],
		[3, true],
		[3, false]
	].map(([level, detail]) => b.map(n, `db4_energy(${r.index}u, t, ${n}, ${level}, ${detail})`));
	return b.build(shares(b, energies, windowEnergy(b, r, n), n));
}

/**
 * Band powers of the Hann-windowed, demeaned window by direct DFT, one band per pass.
 *
 * - Hann in frequency: x·½(1 − cos 2πi/N) has the spectrum ½Rₖ − ¼Rₖ₋₁ − ¼Rₖ₊₁, R the DFT of the
 *   demeaned returns (R₀ = 0 exactly), so each bin needs three plain DFT bins and no window array.
 * - Twiddles: WGSL's sin/cos are only specified to 2⁻¹¹ absolute (SwiftShader was 1.8e-4 off), so
 *   `twiddle` reduces 2πm/N exactly in integers to [0, π/4] and uses short Taylor series (~1 ulp);
 *   along a bin the twiddle advances by complex rotation and is recomputed exactly every 32 terms,
 *   keeping rotation drift below ~32 ulps.
 * - Cost: (N/2 + 6) N multiply-adds per bar over the three bands (O(N²), vs the CPU's O(N log N)
 *   FFT): cheap for the default N = 64, heavy for N ≥ 1,024.
 */
const DFT_WGSL = /* wgsl */ `
fn twiddle(m_in: i32, n: i32) -> vec2<f32> {
	let m = m_in % n;
	let q = (4 * m) / n;
	var r = 4 * m - q * n;
	var swapped = false;
	if (2 * r > n) {
		r = n - r;
		swapped = true;
	}
	let x = 1.5707963267948966 * f32(r) / f32(n);
	let x2 = x * x;
	let s = x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0))));
	let c = 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
	var cs = select(vec2<f32>(c, s), vec2<f32>(s, c), swapped);
	if (q == 1) {
		cs = vec2<f32>(-cs.y, cs.x);
	} else if (q == 2) {
		cs = -cs;
	} else if (q == 3) {
		cs = vec2<f32>(cs.y, -cs.x);
	}
	return cs;
}

// Bin k of the DFT of the demeaned window (rows t − n + 1 … t); bin 0 is exactly 0.
fn dft_bin(c: u32, t: i32, n: i32, k: i32, mean: f32) -> vec2<f32> {
	if (k % n == 0) {
		return vec2<f32>(0.0, 0.0);
	}
	let base = t - n + 1;
	let step = twiddle(k, n);
	var w = vec2<f32>(1.0, 0.0);
	var re = 0.0;
	var im = 0.0;
	for (var i = 0; i < n; i++) {
		if (i % 32 == 0) {
			w = twiddle(k * i, n);
		}
		let x = rd(c, base + i) - mean;
		re += x * w.x;
		im -= x * w.y;
		w = vec2<f32>(w.x * step.x - w.y * step.y, w.x * step.y + w.y * step.x);
	}
	return vec2<f32>(re, im);
}

// Σ over bins k_lo … k_hi of the Hann-windowed power, doubled below Nyquist.
fn band_power(c: u32, t: i32, n: i32, k_lo: i32, k_hi: i32, mean: f32) -> f32 {
	var p = 0.0;
	var pc = 0.0;
	var prev = dft_bin(c, t, n, k_lo - 1, mean);
	var cur = dft_bin(c, t, n, k_lo, mean);
	for (var k = k_lo; k <= k_hi; k++) {
		let next = dft_bin(c, t, n, k + 1, mean);
		let x = 0.5 * cur - 0.25 * (prev + next);
		kadd(&p, &pc, select(2.0, 1.0, 2 * k == n) * dot(x, x));
		prev = cur;
		cur = next;
	}
	return p + pc;
}
`;

export function fftBandEnergyPlan(): GpuPlan {
	const b = new PlanBuilder('fft_band_energy', ['windowLog2']);
	b.helper(DFT_WGSL);
	const { r, n } = returnWindow(b);
	const mean = b.map(n, `wsum(${r.index}u, t, ${n}) / f32(${n})`);
	const band = (lo: string, hi: string) =>
		b.map(n, `band_power(${r.index}u, t, ${n}, ${lo}, ${hi}, ${rd(mean)})`);
	// f = k/N: low f ≤ 1/16, mid 1/16 < f ≤ 1/4, high f > 1/4 (k ≤ N/2).
	const bands = [
		band('1', `${n} / 16`),
		band(`${n} / 16 + 1`, `${n} / 4`),
		band(`${n} / 4 + 1`, `${n} / 2`)
	];
	const total = b.map(n, bands.map((c) => rd(c)).join(' + '));
	return b.build(shares(b, bands, total, n));
}
