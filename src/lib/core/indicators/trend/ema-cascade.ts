/**
 * Chained EMAs in one pass over a column — E₁ = EMA(x), E₂ = EMA(E₁), E₃ = EMA(E₂) — for the batch
 * paths of DEMA, TEMA and TRIX. Each stage is `core/features/ema.ts`'s arithmetic inlined (SMA seed
 * over its first `period` finite inputs, then e += α (x − e); a non-finite input gives NaN and
 * restarts that stage's warm-up), so every value has the bits of `ema(ema(ema(x)))` and of the
 * streams' `EmaState`s — but one loop with the states in registers instead of three column passes,
 * each allocating and writing a fresh 8 MB array at a million bars.
 */

/** What the cascade writes per row, from the stage values a = E₁, b = E₂, c = E₃. */
export type CascadeOutput = 'dema' | 'tema' | 'e3';

/**
 * DEMA = 2a − b; TEMA = 3a − 3b + c; or E₃ = c itself (TRIX's triple EMA). Rows before a stage is
 * warm are NaN, as the chained columns make them.
 *
 * @example
 * emaCascade(close, 10, 'tema'); // the TEMA(10) column
 */
export function emaCascade(
	values: Float64Array,
	period: number,
	output: CascadeOutput
): Float64Array {
	const n = values.length;
	const out = new Float64Array(n);
	const stages = output === 'dema' ? 2 : 3;
	const tema = output === 'tema';
	const alpha = 2 / (period + 1);
	let c1 = 0;
	let s1 = 0;
	let e1 = 0;
	let c2 = 0;
	let s2 = 0;
	let e2 = 0;
	let c3 = 0;
	let s3 = 0;
	let e3 = 0;
	for (let i = 0; i < n; i++) {
		// Stage 1 on the input; x − x is 0 exactly when x is finite.
		let a = values[i];
		if (a - a !== 0) {
			c1 = 0;
			s1 = 0;
			a = NaN;
		} else if (c1 < period) {
			s1 += a;
			c1++;
			a = c1 < period ? NaN : (e1 = s1 / period);
		} else a = e1 += alpha * (a - e1);
		// Stage 2 on E₁.
		let b = a;
		if (b - b !== 0) {
			c2 = 0;
			s2 = 0;
			b = NaN;
		} else if (c2 < period) {
			s2 += b;
			c2++;
			b = c2 < period ? NaN : (e2 = s2 / period);
		} else b = e2 += alpha * (b - e2);
		if (stages === 2) {
			out[i] = 2 * a - b;
			continue;
		}
		// Stage 3 on E₂.
		let c = b;
		if (c - c !== 0) {
			c3 = 0;
			s3 = 0;
			c = NaN;
		} else if (c3 < period) {
			s3 += c;
			c3++;
			c = c3 < period ? NaN : (e3 = s3 / period);
		} else c = e3 += alpha * (c - e3);
		out[i] = tema ? 3 * a - 3 * b + c : c;
	}
	return out;
}
