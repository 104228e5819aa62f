export interface BacktestInput {
	/** Closing prices of the whole series (f64). */
	close: Float64Array;
	/** Target position per decision, as a fraction of equity: +1 long, −1 short, 0 flat (any finite value). */
	positions: Float64Array | Float32Array;
	/** The bar each position is decided at; strictly ascending, each < close.length − 1. */
	index: Int32Array;
	/** Cost per unit of traded notional, in basis points of equity (10 = 0.1%). */
	feeBps: number;
	/** Bars per year (252 for daily), for the annualised turnover. */
	periodsPerYear: number;
}

export interface BacktestRun {
	/** Equity after each decision's bar, starting at 1: equity[k + 1] is the value at close index[k] + 1. */
	equity: Float64Array;
	/** Net return of each decision's bar, after fees: equity[k + 1] / equity[k] − 1. */
	returns: Float64Array;
	/** Number of position changes, counting the first entry and exits over gaps in `index`. */
	trades: number;
	/** Σ |Δposition| over the run, in multiples of equity (a long-to-short flip counts 2). */
	turnover: number;
	/** turnover per year: turnover / bars × periodsPerYear. */
	turnoverPerYear: number;
}

/**
 * A vectorised single-asset backtest, f64 throughout. **Execution model**, explicitly:
 *
 * - **Signal lag and fill.** positions[k] is decided at the close of bar t = index[k], from data up to
 *   and including bar t, and filled at that same close. It earns the bar t → t + 1 return,
 *   close[t + 1] / close[t] − 1. Nothing from bar t + 1 is used to decide it: no look-ahead, provided
 *   the prediction behind it used data up to t only (as `makeWindows` guarantees).
 * - **Fees.** Each change of position costs feeBps / 10⁴ × |Δposition| of equity, paid at the fill,
 *   before the bar's return: the first entry counts (from flat), a flip from +1 to −1 pays for 2 units.
 *   No fee is charged to close the position at the end of the run (it is marked to market).
 * - **Sizing.** A position is a fraction of current equity, re-sized at every close for free (the
 *   usual vectorised simplification), so bar returns compound: equity[k + 1] =
 *   equity[k] · (1 − fee) · (1 + position · barReturn).
 * - **Gaps.** Bars missing from `index` (samples dropped for NaN inputs) are spent flat: a held
 *   position is closed at the close ending its bar (a trade, with its fee) and re-opened at the next
 *   decision.
 * - **Ruin.** Equity that would fall to zero or below (a short through a rise of more than 100%)
 *   stays at 0; margin calls are not modelled.
 *
 * @throws RangeError on mismatched lengths, an index that is not ascending or runs off the end, or
 *   non-finite / non-positive prices at traded bars.
 * @example
 * const run = runBacktest({ close, positions: thresholdPositions(pred, 0.001), index: w.index, feeBps: 10, periodsPerYear: 252 });
 * run.equity.at(-1); // final equity, from 1
 */
export function runBacktest(input: BacktestInput): BacktestRun {
	const { close, positions, index, feeBps, periodsPerYear } = input;
	const m = index.length;
	check(positions.length === m, `${positions.length} positions for ${m} index entries`);
	check(Number.isFinite(feeBps) && feeBps >= 0, `feeBps must be finite and ≥ 0, got ${feeBps}`);
	check(periodsPerYear > 0, `periodsPerYear must be > 0, got ${periodsPerYear}`);
	const fee = feeBps / 1e4;
	const equity = new Float64Array(m + 1);
	const returns = new Float64Array(m);
	equity[0] = 1;
	let held = 0;
	let trades = 0;
	let turnover = 0;
	for (let k = 0; k < m; k++) {
		const t = index[k];
		check(t >= 0 && t + 1 < close.length, `index[${k}] = ${t} has no next bar`);
		const next = close[t + 1];
		check(k === 0 || t > index[k - 1], `index is not ascending at ${k}`);
		check(
			close[t] > 0 && next > 0 && Number.isFinite(close[t]) && Number.isFinite(next),
			`bad price at bar ${t} or ${t + 1}`
		);
		const position = positions[k];
		check(Number.isFinite(position), `positions[${k}] is ${position}`);
		let value = equity[k];
		if (k > 0 && t !== index[k - 1] + 1 && held !== 0) {
			value *= 1 - fee * Math.abs(held);
			turnover += Math.abs(held);
			trades++;
			held = 0;
		}
		const change = Math.abs(position - held);
		if (change !== 0) {
			value *= 1 - fee * change;
			turnover += change;
			trades++;
		}
		value *= 1 + position * (next / close[t] - 1);
		equity[k + 1] = value > 0 ? value : 0;
		returns[k] = equity[k] > 0 ? equity[k + 1] / equity[k] - 1 : 0;
		held = position;
	}
	return {
		equity,
		returns,
		trades,
		turnover,
		turnoverPerYear: m > 0 ? (turnover / m) * periodsPerYear : 0
	};
}

function check(condition: boolean, message: string): asserts condition {
	if (!condition) throw new RangeError(`runBacktest: ${message}`);
}
