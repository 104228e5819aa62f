/**
 * One strategy instance of a sweep: a band rule over a signal line, evaluated at every bar.
 *
 * At each bar the spread x between `signal` and `reference` is taken — `signal − reference`
 * ('difference') or `signal / reference − 1` ('ratio') — and mapped to a target position:
 * `above` when x > upper, `below` when x < lower, `between` otherwise, and 0 (flat) when x is NaN
 * (indicator warm-up, a gap in the data: no signal, no position).
 *
 * - Moving-average crossover: signal = fast MA, reference = slow MA, 'ratio', upper = band,
 *   lower = −band, above = +1, below = −1 (0 for long-only), between = 0.
 * - Oscillator levels (RSI 30/70, contrarian): signal = RSI, reference = 0, 'difference',
 *   lower = 30, upper = 70, below = +1, above = −1, between = 0.
 * - Precomputed positions p ∈ {−1, 0, 1}: signal = p, reference = 0, lower = −0.5, upper = 0.5.
 *
 * Signal arrays are shared between columns (see `IndicatorCache`), never copied per column.
 */
export interface SweepColumn {
	/** The parameters that made this column, reported back with its metrics. */
	params: Readonly<Record<string, number>>;
	/** One value per bar of the series; shared between columns. */
	signal: Float64Array;
	/** A second line (one value per bar) or a fixed level. */
	reference: Float64Array | number;
	spread: 'difference' | 'ratio';
	/** Band edges, lower ≤ upper. */
	lower: number;
	upper: number;
	/** Target positions as fractions of equity (+1 long, −1 short), finite. */
	above: number;
	below: number;
	between: number;
}
