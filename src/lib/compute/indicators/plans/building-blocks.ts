/**
 * Building blocks shared by the per-family plans: the same named steps the CPU indicators compose
 * (SMA, seeded EMA, Wilder sum, rolling moments), each as one pass with its warm-up start.
 */
import { inp, maxStart, rd, type Col, type GpuInputField, type PlanBuilder } from '../plan';

/** A bar field copied into a column (defined from row 0). */
export const field = (b: PlanBuilder, f: GpuInputField): Col => b.map('0', inp(f));

/** `src` lagged by `lag` rows (an i32 expression). */
export const lagged = (src: Col, lag: string) => rd(src, `t - ${lag}`);

/** ln(cₜ / cₜ₋₁), defined from row 1. */
export const logReturns = (b: PlanBuilder, close: Col): Col =>
	b.map(`${close.start} + 1`, `log(${rd(close)} / ${lagged(close, '1')})`);

/**
 * The statistics indicators' `source` parameter per lane: 0 = close (from row 0), 1 = one-bar log
 * return (from row 1). One dispatch may mix both across parameter sets.
 */
export function sourceColumn(b: PlanBuilder, close: Col): Col {
	const src = b.ip('source');
	return b.map(
		src,
		`select(${rd(close)}, log(${rd(close)} / ${rd(close, 'max(t - 1, 0)')}), ${src} == 1)`
	);
}

/** Mean of the last n rows (Kahan sum per window). */
export const sma = (b: PlanBuilder, src: Col, n: string): Col =>
	b.map(`${src.start} + ${n} - 1`, `wsum(${src.index}u, t, ${n}) / f32(${n})`);

/**
 * EMA seeded with the mean of its first n inputs, then e = (1 − α) e + α x, by the affine scan.
 * α defaults to 2 / (n + 1); Wilder's smoothing passes 1 / n. The recurrence is contractive
 * (|1 − α| < 1), so f32 errors decay: steady state ≈ ulp(e) / α.
 */
export function ema(b: PlanBuilder, src: Col, n: string, alpha = `2.0 / (f32(${n}) + 1.0)`): Col {
	return b.scan(`${src.start} + ${n} - 1`, {
		seed: `wsum(${src.index}u, t, ${n}) / f32(${n})`,
		a: `(1.0 - ${alpha})`,
		b: `(${alpha}) * ${rd(src)}`
	});
}

/**
 * Wilder's running sum (TTR `wilderSum`): the first n − 1 values summed, then Sₜ = xₜ + Sₜ₋₁ (n−1)/n.
 * The returned column is defined from the first row that has seen n values (the seed row before
 * it holds the partial sum).
 */
export function wilderSum(b: PlanBuilder, src: Col, n: string): Col {
	const s = b.scan(`${src.start} + ${n} - 2`, {
		seed: `wsum(${src.index}u, t, ${n} - 1)`,
		a: `(f32(${n}) - 1.0) / f32(${n})`,
		b: rd(src)
	});
	return { index: s.index, start: `${src.start} + ${n} - 1` };
}

/** Σ (x − mean)^power over the window (mean a column defined on the same rows). */
export const central = (src: Col, mean: Col, n: string, power: number) =>
	`wcentral(${src.index}u, t, ${n}, ${rd(mean)}, ${power})`;

/** Sample standard deviation (÷ (n − 1)) over the last n rows, two-pass. */
export function sampleStd(b: PlanBuilder, src: Col, n: string): { mean: Col; std: Col } {
	const mean = sma(b, src, n);
	const std = b.map(mean.start, `sqrt(${central(src, mean, n, 2)} / f32(${n} - 1))`);
	return { mean, std };
}

/** True range, defined from row 1. */
export function trueRange(b: PlanBuilder, high: Col, low: Col, close: Col): Col {
	const prev = lagged(close, '1');
	return b.map(
		maxStart(`${close.start} + 1`, high.start, low.start),
		`max(${rd(high)}, ${prev}) - min(${rd(low)}, ${prev})`
	);
}

/** Wilder ATR: mean of the first n true ranges, then ATR += (TR − ATR) / n. From row n. */
export const atr = (b: PlanBuilder, tr: Col, n: string): Col => ema(b, tr, n, `1.0 / f32(${n})`);
