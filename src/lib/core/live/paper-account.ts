import {
	resolveExecution,
	type ExecutionConfig,
	type ResolvedExecution
} from '../arena/execution-config';

/** One bar as the live feed delivers it. */
export interface LiveBar {
	time: number;
	open: number;
	high: number;
	low: number;
	close: number;
	volume: number;
}

/** A fill, for trade markers: side of the fill (+1 buy, −1 sell), price after slippage. */
export interface PaperFill {
	bar: number;
	side: 1 | -1;
	units: number;
	price: number;
	reason: 'signal' | 'stop_loss' | 'take_profit' | 'trailing_stop' | 'risk_limit';
}

/** What the account shows after each bar's close. */
export interface PaperMark {
	bar: number;
	equity: number;
	/** equity / previous equity − 1 (previous = initial cash at bar 0; 0 once equity ≤ 0). */
	ret: number;
	units: number;
	halted: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The arena's execution engine in streaming form, for paper trading a live feed: `step(bar, target)`
 * processes one bar with the batch engine's timeline (gap exits at the open, next-open fills, range
 * stops, VWAP-proxy / close fills, risk limits at the close — see `simulate`) and takes the target the
 * contender decided at that bar's close. Fed the same bars and targets it reproduces `simulate` bar
 * for bar (equity, returns, units, fees, fills): the spec holds the two equal.
 *
 * Volume-based slippage and custom fee functions are batch-only (they need the whole volume column
 * checked up front, or arbitrary code): the constructor refuses them.
 *
 * @example
 * const acct = new PaperAccount({ fees: { bps: 5 } });
 * for (const bar of feed) acct.step(bar, contender.next(bar)); // acct.marks, acct.fills
 */
export class PaperAccount {
	readonly #x: ResolvedExecution;
	readonly #minTarget: number;
	readonly #targets: number[] = [];
	readonly marks: PaperMark[] = [];
	readonly fills: PaperFill[] = [];
	cash: number;
	pos = 0;
	fees = 0;
	#heldTarget = 0;
	#blocked = false;
	#halted = false;
	#avg = 0;
	#best = 0;
	#peak: number;
	#last: number;
	#dayStart: number;
	#day = NaN;
	#bar = 0;

	constructor(config: ExecutionConfig = {}) {
		if (config.slippage?.volumeShare || config.slippage?.sqrtImpact || config.fees?.custom)
			throw new RangeError(
				'PaperAccount: volume-based slippage and custom fees are batch-only; use bps fees and slippage'
			);
		this.#x = resolveExecution(config, 0, new Float64Array(0));
		this.#minTarget = this.#x.allowShort ? -this.#x.maxLeverage : 0;
		this.cash = this.#peak = this.#last = this.#dayStart = this.#x.initialCash;
	}

	get halted(): boolean {
		return this.#halted;
	}

	get equity(): number {
		return this.#last;
	}

	/** Processes bar `bar` (the next in order) and records `target`, decided at its close. */
	step(b: LiveBar, target: number): PaperMark {
		const x = this.#x;
		const i = this.#bar++;
		const { open: o, high: h, low: l, close: c } = b;
		if (!(l > 0 && l <= o && l <= c && o <= h && c <= h && h < Infinity))
			throw new RangeError(
				`PaperAccount: bar ${i} has bad prices (O ${o}, H ${h}, L ${l}, C ${c})`
			);
		if (Number.isNaN(this.#day)) this.#day = Math.floor(b.time / DAY_MS);
		this.#targets.push(target);
		const t = this.#targets;
		const decision = i - x.lag;
		const due =
			!this.#halted &&
			decision >= 0 &&
			(x.everyBar || decision === 0 || !sameTarget(t[decision], t[decision - 1]));
		const hasStops = x.stopLoss > 0 || x.takeProfit > 0 || x.trailingStop > 0;

		if (hasStops && this.pos !== 0) this.#gapExit(i, o);
		if (x.fill === 'next_open' && due) this.#order(i, t[decision], o);
		if (hasStops && this.pos !== 0) this.#rangeExit(i, h, l);
		if (due) {
			if (x.fill === 'vwap_proxy') this.#order(i, t[decision], (o + h + l + c) / 4);
			else if (x.fill === 'close') this.#order(i, t[decision], c);
		}
		let e = this.cash + this.pos * c;
		if (!this.#halted) {
			let breach = e <= 0;
			if (!breach && (x.maxDrawdown > 0 || x.dailyLoss > 0 || x.maxExposure > 0)) {
				const today = Math.floor(b.time / DAY_MS);
				if (today !== this.#day) {
					this.#day = today;
					this.#dayStart = this.#last;
				}
				const exposure = Math.abs(this.pos) * c;
				breach =
					(x.maxDrawdown > 0 && e <= this.#peak * (1 - x.maxDrawdown)) ||
					(x.dailyLoss > 0 && e <= this.#dayStart * (1 - x.dailyLoss)) ||
					(x.maxExposure > 0 && exposure > x.maxExposure * e);
			}
			if (breach) {
				this.#halted = true;
				if (this.pos !== 0) this.#execute(i, -this.pos, c, 'risk_limit');
				e = this.cash;
			}
		}
		if (e > this.#peak) this.#peak = e;
		const mark: PaperMark = {
			bar: i,
			equity: e,
			ret: this.#last > 0 ? e / this.#last - 1 : 0,
			units: this.pos,
			halted: this.#halted
		};
		this.#last = e;
		this.marks.push(mark);
		return mark;
	}

	#gapExit(i: number, o: number): void {
		const x = this.#x;
		if (this.pos > 0) {
			const sl = x.stopLoss > 0 ? this.#avg * (1 - x.stopLoss) : 0;
			const ts = x.trailingStop > 0 ? this.#best * (1 - x.trailingStop) : 0;
			if (o <= Math.max(sl, ts)) this.#exitAt(i, o, sl >= ts ? 'stop_loss' : 'trailing_stop');
			else if (x.takeProfit > 0 && o >= this.#avg * (1 + x.takeProfit))
				this.#exitAt(i, o, 'take_profit');
		} else {
			const sl = x.stopLoss > 0 ? this.#avg * (1 + x.stopLoss) : Infinity;
			const ts = x.trailingStop > 0 ? this.#best * (1 + x.trailingStop) : Infinity;
			if (o >= Math.min(sl, ts)) this.#exitAt(i, o, sl <= ts ? 'stop_loss' : 'trailing_stop');
			else if (x.takeProfit > 0 && o <= this.#avg * (1 - x.takeProfit))
				this.#exitAt(i, o, 'take_profit');
		}
	}

	#rangeExit(i: number, h: number, l: number): void {
		const x = this.#x;
		if (this.pos > 0) {
			const sl = x.stopLoss > 0 ? this.#avg * (1 - x.stopLoss) : 0;
			const ts = x.trailingStop > 0 ? this.#best * (1 - x.trailingStop) : 0;
			const stop = sl >= ts ? sl : ts;
			const tp = x.takeProfit > 0 ? this.#avg * (1 + x.takeProfit) : Infinity;
			const hitStop = l <= stop;
			const hitTarget = h >= tp;
			if (hitStop && (x.pessimistic || !hitTarget))
				this.#exitAt(i, stop, sl >= ts ? 'stop_loss' : 'trailing_stop');
			else if (hitTarget) this.#exitAt(i, tp, 'take_profit');
			else if (h > this.#best) this.#best = h;
		} else {
			const sl = x.stopLoss > 0 ? this.#avg * (1 + x.stopLoss) : Infinity;
			const ts = x.trailingStop > 0 ? this.#best * (1 + x.trailingStop) : Infinity;
			const stop = sl <= ts ? sl : ts;
			const tp = x.takeProfit > 0 ? this.#avg * (1 - x.takeProfit) : 0;
			const hitStop = h >= stop;
			const hitTarget = l <= tp;
			if (hitStop && (x.pessimistic || !hitTarget))
				this.#exitAt(i, stop, sl <= ts ? 'stop_loss' : 'trailing_stop');
			else if (hitTarget) this.#exitAt(i, tp, 'take_profit');
			else if (l < this.#best) this.#best = l;
		}
	}

	#order(i: number, raw: number, ref: number): void {
		const x = this.#x;
		let target = raw;
		if (target !== target) target = 0;
		else if (target > x.maxLeverage) target = x.maxLeverage;
		else if (target < this.#minTarget) target = this.#minTarget;
		if (target === this.#heldTarget) {
			if (this.#blocked || !x.everyBar) return;
		} else this.#blocked = false;
		this.#heldTarget = target;
		const e = this.cash + this.pos * ref;
		let wanted = e > 0 ? (target * e) / ref : 0;
		if (wanted > x.maxUnits) wanted = x.maxUnits;
		else if (wanted < -x.maxUnits) wanted = -x.maxUnits;
		const q = wanted - this.pos;
		if (q !== 0) this.#execute(i, q, ref, 'signal');
	}

	#exitAt(i: number, ref: number, reason: PaperFill['reason']): void {
		this.#execute(i, -this.pos, ref, reason);
		this.#blocked = true;
	}

	#execute(i: number, q: number, ref: number, reason: PaperFill['reason']): void {
		const x = this.#x;
		const side = q > 0 ? 1 : -1;
		const qty = q * side;
		const price = ref * (1 + side * x.slipRate);
		const value = qty * price;
		const fee = value * x.feeRate + x.feeFixed;
		this.cash -= q * price + fee;
		this.fees += fee;
		this.fills.push({ bar: i, side, units: qty, price, reason });
		const pos = this.pos;
		// Average cost and best price follow `simulate`: adds blend in, reductions keep the average,
		// a flip or a fresh entry restarts both at the fill price.
		if (pos === 0 || Math.sign(pos) !== side) {
			const held = Math.abs(pos);
			if (pos === 0 || qty > held) this.#avg = this.#best = price;
		} else {
			const held = Math.abs(pos);
			this.#avg = (this.#avg * held + value) / (held + qty);
			if (side > 0 ? price > this.#best : price < this.#best) this.#best = price;
		}
		this.pos = pos + q;
		// A full close leaves exactly zero units, as the batch engine sets it.
		if (pos !== 0 && Math.sign(pos) !== side && qty === Math.abs(pos)) this.pos = 0;
	}
}

/** Target equality as `simulate` tests it (`targets[d] !== targets[d − 1]`, so NaN ≠ NaN). */
const sameTarget = (a: number, b: number) => a === b;
