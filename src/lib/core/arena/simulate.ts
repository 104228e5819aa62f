import type { OhlcvSeries } from '../ohlcv';
import { resolveExecution, type ExecutionConfig, type ResolvedExecution } from './execution-config';
import {
	createTradeLog,
	EXIT_END_OF_DATA,
	EXIT_RISK_LIMIT,
	EXIT_SIGNAL,
	EXIT_STOP_LOSS,
	EXIT_TAKE_PROFIT,
	EXIT_TRAILING_STOP,
	growTradeLog,
	type TradeLog
} from './trade-log';

/** Why trading stopped; checked in this order at each close. */
export type HaltReason = 'ruin' | 'max_drawdown' | 'daily_loss' | 'max_exposure';

export interface Halt {
	reason: HaltReason;
	/** The bar at whose close the limit was breached and the account flattened. */
	bar: number;
	time: number;
	/** Equity at that close before flattening. */
	equity: number;
}

export interface SimulationResult {
	initialCash: number;
	/** Equity at each bar's close, cash + units × close, after that bar's fills (f64). */
	equity: Float64Array;
	/** equity[i] / equity[i − 1] − 1, with equity[−1] = initialCash; 0 after equity reaches ≤ 0. */
	returns: Float64Array;
	/** Position in units at each bar's close (negative = short). */
	units: Float64Array;
	/** Traded notional Σ |q| × fill price on each bar, all fills included. */
	notional: Float64Array;
	/** Cash at the end (short-sale proceeds included; negative = borrowed). */
	cash: number;
	/** Total fees paid. */
	fees: number;
	/** Number of fills (orders, protective exits and forced exits). */
	fills: number;
	trades: TradeLog;
	/** Why and when a risk limit stopped trading, or null if none did. */
	halt: Halt | null;
}

/**
 * A simulation without per-bar arrays: what `simulateSummary` returns. The per-bar returns, equity,
 * positions and notional are folded into running sums as the engine goes (see `StreamedMetrics`);
 * the account, the trade log and the halt are the same as `simulate`'s.
 */
export interface SimulationSummary extends Omit<
	SimulationResult,
	'equity' | 'returns' | 'units' | 'notional'
> {
	finalEquity: number;
	stream: StreamedMetrics;
}

/** Running sums over the bars, each defined as the array metric of the same name defines it. */
export interface StreamedMetrics {
	bars: number;
	/**
	 * Mean and sample variance (n − 1) of the per-bar returns, from one pass of sums of the returns
	 * shifted by the first one (well conditioned while the mean is small next to the spread).
	 */
	meanReturn: number;
	returnVariance: number;
	minReturn: number;
	maxReturn: number;
	/** 1 − equity / running peak of [initialCash, ...equity], largest over the bars (as `maxDrawdown`). */
	maxDrawdown: number;
	/** Bars ending with a position (as `exposure`'s count). */
	barsInMarket: number;
	/** Σ notional_t / equity_{t−1} over bars with positive equity before (as `turnover`'s sum). */
	turnoverSum: number;
}

/**
 * Output arrays to write into instead of allocating (each of the series' length). Sweeps and grid
 * searches run many simulations over the same bars: reusing one set skips allocating and first-
 * touching 4 × 8 bytes per bar per run, which costs more than the simulation itself on 1M bars.
 * The result's arrays are then these buffers, overwritten by the next call that gets them.
 */
export interface SimulationBuffers {
	equity: Float64Array;
	returns: Float64Array;
	units: Float64Array;
	notional: Float64Array;
}

/** Fresh output arrays for `n` bars, to pass to `simulate` again and again. */
export function simulationBuffers(n: number): SimulationBuffers {
	return {
		equity: new Float64Array(n),
		returns: new Float64Array(n),
		units: new Float64Array(n),
		notional: new Float64Array(n)
	};
}

const DAY_MS = 86_400_000;
const HALT_REASONS: readonly HaltReason[] = ['ruin', 'max_drawdown', 'daily_loss', 'max_exposure'];

/**
 * The arena's execution engine: one pass over the bars, f64 accounting, no allocation per bar.
 *
 * **Targets.** targets[t] is the wanted position as a signed fraction of equity (1 = all equity long,
 * −0.5 = half short), decided at the close of bar t from data up to bar t. NaN means flat. It is
 * clamped to ±maxLeverage (to [0, maxLeverage] without shorts) and, at the fill, turned into units
 * q* = target × E / P, with E = cash + units × P the equity marked at the reference price P of the
 * fill, then clamped to ±maxUnits. Costs are paid from cash after sizing (cash may go negative:
 * margin is not modelled beyond the leverage cap).
 *
 * **Timeline of bar i** (each step only acts when its condition holds):
 * 1. Open, gap exits: a position carried in whose stop (take-profit) the open has gapped through
 *    exits in full at the open, not at the level (a gap fill).
 * 2. Open fills: with fill 'next_open', the order decided at bar i − lag fills at the open.
 * 3. Range: a position live since the open (carried in or just filled at the open) exits at its stop
 *    level if low ≤ stop (long; high ≥ stop short), or at its take-profit level if high ≥ target
 *    (long; low ≤ target short). Both inside the range: the stop, unless intrabar 'optimistic'.
 *    Then the trailing best price takes this bar's high (long) / low (short): a bar's own extreme
 *    never moves the stop that same bar checks, since the order of high and low is unknown.
 * 4. With fill 'vwap_proxy', the order fills at (O + H + L + C) / 4, after the range; with
 *    'close', at the close. Positions filled in steps 4–5 face stops from bar i + 1.
 * 5. Close: equity is marked; risk limits are checked (ruin E ≤ 0, then max drawdown from the
 *    running peak of closes, then the daily loss against the last close of the previous UTC day,
 *    then the gross exposure). A breach flattens at the close, records a `Halt`, and ignores every
 *    later order.
 *
 * **Stops** are levels around the trade's average cost Ā (the moving average cost of the units held:
 * adds blend in at their fill price, reductions leave it unchanged; realised P&L is side · (fill − Ā)
 * per unit closed, so Σ trade P&L = final equity − initial cash) and its best price B since entry
 * (long: highest, short: lowest, starting at the entry fill): long stop = max(Ā(1 − sl), B(1 − ts)),
 * take-profit Ā(1 + tp); short stop = min(Ā(1 + sl), B(1 + ts)), take-profit Ā(1 − tp). The exit
 * reason is the tighter of stop-loss and trailing (ties: stop-loss). After a protective exit the
 * engine stays flat until the target changes.
 *
 * **Orders.** 'on_change' sends one when the (clamped) target differs from the last traded one;
 * 'every_bar' at every fill bar. A volume cap fills at most cap × volume units and cancels the rest;
 * protective and forced exits fill in full.
 *
 * **Costs of a fill** of q units (side s = sign q) at reference price P: the price paid is
 * P · (1 + s · (slip_bps / 10⁴ + impact · (|q|/V)² + k · σ · √(|q|/V))), V the fill bar's volume
 * (zipline's `VolumeShareSlippage`; the square-root law of Almgren, Thum, Hauptmann & Li, "Direct
 * Estimation of Equity Market Impact", *Risk* 18(7), 2005, and Tóth et al., "Anomalous Price
 * Impact and the Critical Nature of Liquidity in Financial Markets", *Phys. Rev. X* 1, 2011). The
 * fee is |q| × price × bps / 10⁴ + fixed + custom(|q| × price, q).
 *
 * **End of data.** An open trade is reported with exit reason 'end_of_data', marked at the last
 * close, without exit costs (as equity is).
 *
 * @param targets one target per bar, the same length as the series.
 * @param buffers output arrays to overwrite (see `SimulationBuffers`); fresh ones when absent.
 * @throws RangeError on a bad config (see `resolveExecution`), mismatched lengths, or a bar whose
 *   prices are not finite, positive and ordered low ≤ open, close ≤ high.
 * @example
 * const r = simulate(series, targets, { fees: { bps: 10 }, stops: { stopLoss: 0.05 } });
 * r.equity.at(-1); // final equity; r.trades.count trades; r.halt null unless a limit tripped
 */
export function simulate(
	series: OhlcvSeries,
	targets: Float64Array,
	config: ExecutionConfig = {},
	buffers: SimulationBuffers = simulationBuffers(series.close.length)
): SimulationResult {
	const n = series.close.length;
	for (const key of ['equity', 'returns', 'units', 'notional'] as const)
		if (buffers[key].length !== n)
			throw new RangeError(
				`simulate: buffers.${key} holds ${buffers[key].length} values for ${n} bars`
			);
	const a = run(series, targets, config, buffers);
	return {
		initialCash: a.initialCash,
		equity: buffers.equity,
		returns: buffers.returns,
		units: buffers.units,
		notional: buffers.notional,
		cash: a.cash,
		fees: a.fees,
		fills: a.fills,
		trades: a.log,
		halt: a.halt
	};
}

/**
 * `simulate` without per-bar outputs: the same engine, rules and account, with the per-bar series
 * folded into running sums (`StreamedMetrics`) instead of written out. For runs that only need the
 * headline metrics (`streamedMetrics`) and the trades: it moves half the memory `simulate` does.
 *
 * @example
 * const s = simulateSummary(series, targets, { fees: { bps: 5 } });
 * streamedMetrics(s, 252).sharpe; s.trades.count;
 */
export function simulateSummary(
	series: OhlcvSeries,
	targets: Float64Array,
	config: ExecutionConfig = {}
): SimulationSummary {
	const a = run(series, targets, config, null);
	return {
		initialCash: a.initialCash,
		finalEquity: a.finalEquity,
		cash: a.cash,
		fees: a.fees,
		fills: a.fills,
		trades: a.log,
		halt: a.halt,
		stream: a.stream!
	};
}

/** The engine: one pass, writing the per-bar arrays into `buffers`, or streaming sums when null. */
function run(
	series: OhlcvSeries,
	targets: Float64Array,
	config: ExecutionConfig,
	buffers: SimulationBuffers | null
): Account {
	const { time, open, high, low, close } = series;
	const n = close.length;
	if (targets.length !== n)
		throw new RangeError(`simulate: ${targets.length} targets for ${n} bars`);
	const x = resolveExecution(config, n, series.volume);
	const a = new Account(x, series, targets);
	const { lag, stopLoss, takeProfit, trailingStop, pessimistic } = x;
	const { maxDrawdown, dailyLoss, maxExposure } = x;
	const fillOpen = x.fill === 'next_open';
	const fillVwap = x.fill === 'vwap_proxy';
	const fillClose = x.fill === 'close';
	const everyBar = x.everyBar;
	const hasStops = stopLoss > 0 || takeProfit > 0 || trailingStop > 0;
	const hasLimits = maxDrawdown > 0 || dailyLoss > 0 || maxExposure > 0;
	const store = buffers !== null;
	const { equity, returns, units, notional } = buffers ?? simulationBuffers(0);

	// Streaming sums (buffers === null): shifted sums of the returns, the drawdown of the curve
	// [initialCash, ...equity] against its running peak, bars in the market and the turnover sum.
	let shift = NaN; // the first return: sums of (r − shift) keep Σd² − (Σd)²/n well conditioned
	let sumD = 0;
	let sumD2 = 0;
	let minReturn = Infinity;
	let maxReturn = -Infinity;
	let curvePeak = x.initialCash;
	let trough = x.initialCash; // lowest equity since the running peak
	let worstFall = 0;
	let barsInMarket = 0;
	let turnoverSum = 0;

	let peakEquity = x.initialCash;
	let lastEquity = x.initialCash;
	let dayStart = x.initialCash;
	let day = n > 0 ? Math.floor(time[0] / DAY_MS) : 0;

	// The quiet loop's mirrors of the account and of the open trade's exit levels. The account only
	// changes in its own methods (on the rare bars that run the full timeline), so the mirrors are
	// reloaded at the end of each such bar, and the trailing level when the best price moves. Same
	// formulas and the same f64 operations as the account's, so the same bits.
	let pos = 0;
	let cash = a.cash;
	let halted = false;
	let barNotional = 0;
	let tBest = 0;
	let sl = 0; // stop-loss level (long: 0 = none; short: Infinity = none)
	let ts = 0; // trailing-stop level, same convention
	let tp = 0; // take-profit level (long: Infinity = none; short: 0 = none)

	// The bars run in two loops. The quiet loop handles a bar where nothing can fill — no order is
	// due, no level is inside the bar's range, no limit is breached — with no call at all, which lets
	// the compiler keep the arrays and the state in registers (a call anywhere in a loop makes V8
	// reload them every bar: ~2.5× slower here). It stops, before changing anything, at a bar where
	// something may happen; that bar then runs the full timeline below with the account's methods,
	// and the quiet loop resumes with its close. Both paths do the same f64 operations in the same
	// order, so the bits are those of one straightforward loop (the reference test holds them).
	let i = 0;
	let e = 0;
	let resume = false;
	let flat = false;
	for (;;) {
		// A flat stretch (no position, equity steady since the last bar): each bar's return is exactly
		// 0 (e / e − 1) and the curve does not move, so only the price checks, the decision check, the
		// limits and the two return sums (or the constant row of the arrays) remain — no division,
		// no drawdown branches (the bench's 1M bars, flat 82% of the time: ~11.9 → ~7.8 ms). It stops, before changing anything, where the quiet loop would stop, and the
		// quiet loop then takes that bar. Same operations on the sums, so the same bits. The quiet loop
		// hands over (`flat`) after a bar that leaves these conditions.
		if (flat) {
			flat = false;
			const d = 0 - shift;
			const d2 = d * d;
			const from = i;
			for (; i < n; i++) {
				const o = open[i];
				const h = high[i];
				const l = low[i];
				const c = close[i];
				if (!(l > 0 && l <= o && l <= c && o <= h && c <= h && h < Infinity)) break;
				const decision = i - lag;
				if (
					!halted &&
					decision >= 0 &&
					(everyBar || decision === 0 || targets[decision] !== targets[decision - 1])
				)
					break;
				if (!halted && hasLimits) {
					const today = Math.floor(time[i] / DAY_MS);
					if (today !== day) {
						day = today;
						dayStart = lastEquity;
					}
					if (
						(maxDrawdown > 0 && cash <= peakEquity * (1 - maxDrawdown)) ||
						(dailyLoss > 0 && cash <= dayStart * (1 - dailyLoss))
					)
						break;
				}
				if (store) {
					equity[i] = cash;
					units[i] = 0;
					notional[i] = 0;
					returns[i] = 0;
				} else {
					sumD += d;
					sumD2 += d2;
				}
			}
			if (i > from) {
				if (0 < minReturn) minReturn = 0;
				if (0 > maxReturn) maxReturn = 0;
			}
		}
		for (; i < n; i++) {
			if (resume) resume = false;
			else {
				const o = open[i];
				const h = high[i];
				const l = low[i];
				const c = close[i];
				if (!(l > 0 && l <= o && l <= c && o <= h && c <= h && h < Infinity))
					throw new RangeError(
						`simulate: bar ${i} has bad prices (O ${o}, H ${h}, L ${l}, C ${c})`
					);
				const decision = i - lag;
				if (
					!halted &&
					decision >= 0 &&
					(everyBar || decision === 0 || targets[decision] !== targets[decision - 1])
				)
					break;
				if (hasStops && pos !== 0) {
					// o lies inside [l, h]: a gap through a level is also a range hit.
					if (pos > 0) {
						if (l <= (sl >= ts ? sl : ts) || h >= tp) break;
						if (h > tBest) {
							tBest = h;
							ts = trailingStop > 0 ? h * (1 - trailingStop) : 0;
						}
					} else {
						if (h >= (sl <= ts ? sl : ts) || l <= tp) break;
						if (l < tBest) {
							tBest = l;
							ts = trailingStop > 0 ? l * (1 + trailingStop) : Infinity;
						}
					}
				}
				e = cash + pos * c;
				if (!halted) {
					if (e <= 0) break;
					if (hasLimits) {
						const today = Math.floor(time[i] / DAY_MS);
						if (today !== day) {
							day = today;
							dayStart = lastEquity;
						}
						const exposure = pos < 0 ? -pos * c : pos * c;
						if (
							(maxDrawdown > 0 && e <= peakEquity * (1 - maxDrawdown)) ||
							(dailyLoss > 0 && e <= dayStart * (1 - dailyLoss)) ||
							(maxExposure > 0 && exposure > maxExposure * e)
						)
							break;
					}
				}
			}
			if (e > peakEquity) peakEquity = e;
			const r = lastEquity > 0 ? e / lastEquity - 1 : 0;
			if (store) {
				equity[i] = e;
				units[i] = pos;
				notional[i] = barNotional;
				returns[i] = r;
			} else {
				if (i === 0) shift = r;
				const d = r - shift;
				sumD += d;
				sumD2 += d * d;
				if (r < minReturn) minReturn = r;
				if (r > maxReturn) maxReturn = r;
				// The deepest fall from a peak is at the lowest equity before the next peak, and x ↦ 1 − x/peak
				// is monotone in floating point too: dividing only at new troughs gives maxDrawdown's bits.
				if (e > curvePeak) curvePeak = trough = e;
				else if (e < trough) {
					trough = e;
					const fall = 1 - e / curvePeak;
					if (fall > worstFall) worstFall = fall;
				}
				if (pos !== 0) barsInMarket++;
				if (lastEquity > 0 && barNotional !== 0) turnoverSum += barNotional / lastEquity;
			}
			if (barNotional !== 0) a.barNotional = barNotional = 0;
			lastEquity = e;
			if (pos === 0 && lastEquity === cash && cash > 0) {
				i++;
				flat = true;
				break;
			}
		}
		if (flat) continue;
		if (i >= n) break;

		// A bar where something may happen: the full timeline, with the account's methods.
		const o = open[i];
		const h = high[i];
		const l = low[i];
		const c = close[i];
		const decision = i - lag;
		// An unchanged target sends no 'on_change' order (`order` would return at once): skip the call.
		const due =
			!halted &&
			decision >= 0 &&
			(everyBar || decision === 0 || targets[decision] !== targets[decision - 1]);
		a.tBest = tBest;
		// Step 1: gap through a level at the open.
		if (hasStops && a.pos !== 0) a.exitAtOpen(i, o);
		// Step 2.
		if (fillOpen && due) a.order(i, decision, o);
		// Step 3: the bar's range against the levels of the position live since the open.
		if (hasStops && a.pos !== 0) a.exitInRange(i, h, l, pessimistic);
		// Step 4.
		if (due) {
			if (fillVwap) a.order(i, decision, (o + h + l + c) / 4);
			else if (fillClose) a.order(i, decision, c);
		}
		// Reload the quiet loop's mirrors.
		pos = a.pos;
		cash = a.cash;
		barNotional = a.barNotional;
		tBest = a.tBest;
		if (hasStops && pos !== 0) {
			sl = a.stopLossLevel();
			ts = a.trailingLevel(tBest);
			tp = a.takeProfitLevel();
		}
		// Step 5.
		e = cash + pos * c;
		if (!halted) {
			let breach = e <= 0 ? 0 : -1;
			if (hasLimits && breach < 0) {
				const today = Math.floor(time[i] / DAY_MS);
				if (today !== day) {
					day = today;
					dayStart = lastEquity;
				}
				const exposure = pos < 0 ? -pos * c : pos * c;
				if (maxDrawdown > 0 && e <= peakEquity * (1 - maxDrawdown)) breach = 1;
				else if (dailyLoss > 0 && e <= dayStart * (1 - dailyLoss)) breach = 2;
				else if (maxExposure > 0 && exposure > maxExposure * e) breach = 3;
			}
			if (breach >= 0) {
				a.halt = { reason: HALT_REASONS[breach], bar: i, time: time[i], equity: e };
				a.halted = halted = true;
				if (pos !== 0) a.execute(i, -pos, c, EXIT_RISK_LIMIT);
				pos = a.pos;
				cash = a.cash;
				barNotional = a.barNotional;
				e = cash;
			}
		}
		resume = true;
	}
	a.finalEquity = lastEquity;
	a.stream = {
		bars: n,
		meanReturn: n > 0 ? shift + sumD / n : 0,
		returnVariance: n > 1 ? Math.max(0, (sumD2 - (sumD * sumD) / n) / (n - 1)) : 0,
		minReturn,
		maxReturn,
		maxDrawdown: worstFall,
		barsInMarket,
		turnoverSum
	};
	if (a.pos !== 0) a.closeAtEnd(n - 1, close[n - 1]);
	return a;
}

/**
 * The account of one simulation: cash, position, the open trade and the outputs. A class rather
 * than closures inside `simulate`, so every run shares the same method identities and V8 keeps its
 * optimised, inlined code across runs (fresh closures per call deoptimise it: "wrong call target").
 */
class Account {
	readonly initialCash: number;
	readonly log: TradeLog = createTradeLog();
	readonly #time: Float64Array;
	readonly #volume: Float64Array;
	readonly #targets: Float64Array;
	readonly #x: ResolvedExecution;
	readonly #minTarget: number;
	readonly #volumeModel: boolean;
	cash: number;
	pos = 0;
	fees = 0;
	fills = 0;
	heldTarget = 0;
	blocked = false;
	halted = false;
	halt: Halt | null = null;
	/** Σ |q| × price of this bar's fills so far (written out and reset at each close). */
	barNotional = 0;
	/** Equity at the last close, and the streamed sums (set when the run ends). */
	finalEquity = 0;
	stream: StreamedMetrics | null = null;
	// The open trade: side, entry bar, Σ|q|·price and Σ|q| of opening/adding fills, the same for
	// reducing fills, realised gross P&L, fees, largest |units|, average cost, best price.
	tSide = 0;
	tEntryBar = 0;
	tEntryCost = 0;
	tEntryQty = 0;
	tExitValue = 0;
	tExitQty = 0;
	tRealized = 0;
	tFees = 0;
	tMaxUnits = 0;
	tAvg = 0;
	tBest = 0;

	constructor(x: ResolvedExecution, series: OhlcvSeries, targets: Float64Array) {
		this.initialCash = x.initialCash;
		this.#time = series.time;
		this.#volume = series.volume;
		this.#targets = targets;
		this.#x = x;
		this.#minTarget = x.allowShort ? -x.maxLeverage : 0;
		this.#volumeModel = x.volumeCap > 0 || x.volumeImpact > 0 || x.sqrtK > 0;
		this.cash = x.initialCash;
	}

	/** The open trade's stop-loss level: long Ā(1 − sl), short Ā(1 + sl); 0 / Infinity when none. */
	stopLossLevel(): number {
		const sl = this.#x.stopLoss;
		if (this.pos > 0) return sl > 0 ? this.tAvg * (1 - sl) : 0;
		return sl > 0 ? this.tAvg * (1 + sl) : Infinity;
	}

	/** The trailing-stop level for best price B: long B(1 − ts), short B(1 + ts); 0 / Infinity when none. */
	trailingLevel(best: number): number {
		const ts = this.#x.trailingStop;
		if (this.pos > 0) return ts > 0 ? best * (1 - ts) : 0;
		return ts > 0 ? best * (1 + ts) : Infinity;
	}

	/** The take-profit level: long Ā(1 + tp), short Ā(1 − tp); Infinity / 0 when none. */
	takeProfitLevel(): number {
		const tp = this.#x.takeProfit;
		if (this.pos > 0) return tp > 0 ? this.tAvg * (1 + tp) : Infinity;
		return tp > 0 ? this.tAvg * (1 - tp) : 0;
	}

	/** Step 1: exits in full at the open when it has gapped through the stop or the take-profit. */
	exitAtOpen(bar: number, o: number): void {
		const sl = this.stopLossLevel();
		const ts = this.trailingLevel(this.tBest);
		const tp = this.takeProfitLevel();
		if (this.pos > 0) {
			if (o <= (sl >= ts ? sl : ts))
				this.exitAt(bar, o, sl >= ts ? EXIT_STOP_LOSS : EXIT_TRAILING_STOP);
			else if (o >= tp) this.exitAt(bar, o, EXIT_TAKE_PROFIT);
		} else if (o >= (sl <= ts ? sl : ts))
			this.exitAt(bar, o, sl <= ts ? EXIT_STOP_LOSS : EXIT_TRAILING_STOP);
		else if (o <= tp) this.exitAt(bar, o, EXIT_TAKE_PROFIT);
	}

	/**
	 * Step 3: exits at the stop or take-profit level inside the bar's range (the stop first unless
	 * optimistic), else lets the bar's extreme move the best price for later bars.
	 */
	exitInRange(bar: number, h: number, l: number, pessimistic: boolean): void {
		const sl = this.stopLossLevel();
		const ts = this.trailingLevel(this.tBest);
		const tp = this.takeProfitLevel();
		const long = this.pos > 0;
		const stop = long ? (sl >= ts ? sl : ts) : sl <= ts ? sl : ts;
		const hitStop = long ? l <= stop : h >= stop;
		const hitTarget = long ? h >= tp : l <= tp;
		const stopReason = (long ? sl >= ts : sl <= ts) ? EXIT_STOP_LOSS : EXIT_TRAILING_STOP;
		if (hitStop && (pessimistic || !hitTarget)) this.exitAt(bar, stop, stopReason);
		else if (hitTarget) this.exitAt(bar, tp, EXIT_TAKE_PROFIT);
		else if (long ? h > this.tBest : l < this.tBest) this.tBest = long ? h : l;
	}

	/** Trades toward the target decided at bar `decision`, at reference price ref on bar `bar`. */
	order(bar: number, decision: number, ref: number): void {
		const x = this.#x;
		let target = this.#targets[decision];
		if (target !== target)
			target = 0; // NaN: flat
		else if (target > x.maxLeverage) target = x.maxLeverage;
		else if (target < this.#minTarget) target = this.#minTarget;
		if (target === this.heldTarget) {
			if (this.blocked || !x.everyBar) return;
		} else this.blocked = false;
		this.heldTarget = target;
		const e = this.cash + this.pos * ref;
		let wanted = e > 0 ? (target * e) / ref : 0;
		if (wanted > x.maxUnits) wanted = x.maxUnits;
		else if (wanted < -x.maxUnits) wanted = -x.maxUnits;
		let q = wanted - this.pos;
		if (x.volumeCap > 0) {
			const cap = x.volumeCap * this.#volume[bar];
			if (q > cap) q = cap;
			else if (q < -cap) q = -cap;
		}
		if (q !== 0) this.execute(bar, q, ref, EXIT_SIGNAL);
	}

	/** Closes the whole position at ref for a protective exit, then waits for a new target. */
	exitAt(bar: number, ref: number, reason: number): void {
		this.execute(bar, -this.pos, ref, reason);
		this.blocked = true;
	}

	/** Fills q ≠ 0 units at reference price ref on bar `bar`, with costs and trade bookkeeping. */
	execute(bar: number, q: number, ref: number, reason: number): void {
		const x = this.#x;
		const side = q > 0 ? 1 : -1;
		const qty = q * side;
		let slip = x.slipRate;
		if (this.#volumeModel) {
			const share = qty / this.#volume[bar];
			const sigma = x.sigmaSeries === null ? x.sigma : x.sigmaSeries[bar];
			slip += x.volumeImpact * share * share + x.sqrtK * sigma * Math.sqrt(share);
		}
		const price = ref * (1 + side * slip);
		const value = qty * price;
		let fee = value * x.feeRate + x.feeFixed;
		if (x.feeCustom !== null) fee += checkedFee(x.feeCustom(value, q));
		this.cash -= q * price + fee;
		this.fees += fee;
		this.barNotional += value;
		this.fills++;
		const pos = this.pos;
		if (pos === 0) {
			this.openTrade(bar, side, qty, price, fee);
		} else if ((pos > 0 ? 1 : -1) === side) {
			const heldQty = pos * side;
			this.tAvg = (this.tAvg * heldQty + value) / (heldQty + qty);
			this.tEntryCost += value;
			this.tEntryQty += qty;
			this.tFees += fee;
			if (side > 0 ? price > this.tBest : price < this.tBest) this.tBest = price;
		} else {
			const heldQty = pos * this.tSide;
			const closing = qty < heldQty ? qty : heldQty;
			const closeFee = (fee * closing) / qty;
			this.tRealized += this.tSide * (price - this.tAvg) * closing;
			this.tExitValue += closing * price;
			this.tExitQty += closing;
			this.tFees += closeFee;
			if (qty >= heldQty) {
				this.record(bar, reason);
				this.pos = 0;
				// A flip: the rest of the fill opens the opposite trade with its share of the fee.
				if (qty > heldQty) {
					this.openTrade(bar, side, qty - heldQty, price, fee - closeFee);
					this.pos = side * (qty - heldQty);
				}
				return;
			}
		}
		this.pos = pos + q;
		const held = this.pos < 0 ? -this.pos : this.pos;
		if (held > this.tMaxUnits) this.tMaxUnits = held;
	}

	openTrade(bar: number, side: number, qty: number, price: number, fee: number): void {
		this.tSide = side;
		this.tEntryBar = bar;
		this.tEntryCost = qty * price;
		this.tEntryQty = qty;
		this.tExitValue = 0;
		this.tExitQty = 0;
		this.tRealized = 0;
		this.tFees = fee;
		this.tMaxUnits = qty;
		this.tAvg = price;
		this.tBest = price;
	}

	/** Reports the open trade as marked at the last close, without exit costs. */
	closeAtEnd(bar: number, last: number): void {
		const heldQty = this.pos * this.tSide;
		this.tRealized += this.tSide * (last - this.tAvg) * heldQty;
		this.tExitValue += heldQty * last;
		this.tExitQty += heldQty;
		this.record(bar, EXIT_END_OF_DATA);
	}

	record(bar: number, reason: number): void {
		const log = this.log;
		if (log.count === log.side.length) growTradeLog(log);
		const k = log.count++;
		log.side[k] = this.tSide;
		log.entryBar[k] = this.tEntryBar;
		log.entryTime[k] = this.#time[this.tEntryBar];
		log.entryPrice[k] = this.tEntryCost / this.tEntryQty;
		log.exitBar[k] = bar;
		log.exitTime[k] = this.#time[bar];
		log.exitPrice[k] = this.tExitValue / this.tExitQty;
		log.units[k] = this.tMaxUnits;
		log.pnl[k] = this.tRealized - this.tFees;
		log.fees[k] = this.tFees;
		log.exitReason[k] = reason;
	}
}

function checkedFee(fee: number): number {
	if (!(fee >= 0 && fee < Infinity))
		throw new RangeError(`simulate: fees.custom returned ${fee}; it must be finite and ≥ 0`);
	return fee;
}
