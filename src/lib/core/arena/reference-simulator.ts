import type { OhlcvSeries } from '../ohlcv';
import { resolveExecution, type ExecutionConfig, type ResolvedExecution } from './execution-config';
import type { Halt, HaltReason } from './simulate';
import type { ExitReason, Trade } from './trade-log';

/** What the reference simulator reports: the curves of `SimulationResult` and trades as objects. */
export interface ReferenceResult {
	equity: number[];
	units: number[];
	notional: number[];
	cash: number;
	fees: number;
	fills: number;
	trades: Trade[];
	halt: Halt | null;
}

interface Bar {
	index: number;
	time: number;
	open: number;
	high: number;
	low: number;
	close: number;
	volume: number;
	sigma: number;
}

interface OpenTrade {
	side: 1 | -1;
	entryBar: number;
	entryTime: number;
	fills: { units: number; price: number }[];
	exits: { units: number; price: number }[];
	/** Cost and units of the position held, for the average cost. */
	basisCost: number;
	basisUnits: number;
	realized: number;
	fees: number;
	maxUnits: number;
	best: number;
}

/**
 * The slow reference for `simulate`, written independently from the same documented rules: bars as
 * objects, the open trade as a list of fills, trades as objects, one small function per rule, no
 * attention to speed. Tests hold `simulate` to it on random strategies and configurations, and the
 * backtest benchmark measures it as a peer. Not for production use: it allocates per bar and fill.
 *
 * @example
 * referenceSimulate(series, targets, { fees: { bps: 10 } }).equity.at(-1);
 */
export function referenceSimulate(
	series: OhlcvSeries,
	targets: Float64Array,
	config: ExecutionConfig = {}
): ReferenceResult {
	const n = series.close.length;
	if (targets.length !== n) throw new RangeError(`reference: ${targets.length} targets for ${n}`);
	const cfg = resolveExecution(config, n, series.volume);
	const account = new ReferenceAccount(cfg);
	const bars: Bar[] = [];
	for (let i = 0; i < n; i++)
		bars.push({
			index: i,
			time: series.time[i],
			open: series.open[i],
			high: series.high[i],
			low: series.low[i],
			close: series.close[i],
			volume: series.volume[i],
			sigma: cfg.sigmaSeries ? cfg.sigmaSeries[i] : cfg.sigma
		});
	const equity: number[] = [];
	const units: number[] = [];
	let peak = cfg.initialCash;
	let previousClose = cfg.initialCash;
	let dayStartEquity = cfg.initialCash;
	const dayOf = (t: number) => Math.floor(t / 86_400_000);
	let currentDay = n > 0 ? dayOf(bars[0].time) : 0;
	for (const bar of bars) {
		if (
			!(bar.low > 0) ||
			bar.low > Math.min(bar.open, bar.close) ||
			bar.high < Math.max(bar.open, bar.close) ||
			!Number.isFinite(bar.high)
		)
			throw new RangeError(`reference: bar ${bar.index} has bad prices`);
		const decision = bar.index - cfg.lag;
		const target = decision >= 0 ? targets[decision] : undefined;
		account.gapExit(bar);
		if (cfg.fill === 'next_open' && target !== undefined) account.order(bar, target, bar.open);
		account.rangeExit(bar);
		if (cfg.fill === 'vwap_proxy' && target !== undefined)
			account.order(bar, target, (bar.open + bar.high + bar.low + bar.close) / 4);
		if (cfg.fill === 'close' && target !== undefined) account.order(bar, target, bar.close);

		let value = account.value(bar.close);
		if (!account.halt) {
			if (dayOf(bar.time) !== currentDay) {
				currentDay = dayOf(bar.time);
				dayStartEquity = previousClose;
			}
			const exposure = Math.abs(account.units * bar.close);
			let reason: HaltReason | null = null;
			if (value <= 0) reason = 'ruin';
			else if (cfg.maxDrawdown && value <= peak * (1 - cfg.maxDrawdown)) reason = 'max_drawdown';
			else if (cfg.dailyLoss && value <= dayStartEquity * (1 - cfg.dailyLoss))
				reason = 'daily_loss';
			else if (cfg.maxExposure && exposure > cfg.maxExposure * value) reason = 'max_exposure';
			if (reason) {
				account.halt = { reason, bar: bar.index, time: bar.time, equity: value };
				if (account.units !== 0) account.fill(bar, -account.units, bar.close, 'risk_limit');
				value = account.value(bar.close);
			}
		}
		peak = Math.max(peak, value);
		previousClose = value;
		equity.push(value);
		units.push(account.units);
	}
	if (account.trade && n > 0) account.closeAtEnd(bars[n - 1]);
	return {
		equity,
		units,
		notional: Array.from({ length: n }, (_, i) => account.notional.get(i) ?? 0),
		cash: account.cash,
		fees: account.fees,
		fills: account.fills,
		trades: account.trades,
		halt: account.halt
	};
}

class ReferenceAccount {
	cash: number;
	units = 0;
	fees = 0;
	fills = 0;
	trades: Trade[] = [];
	trade: OpenTrade | null = null;
	halt: Halt | null = null;
	notional = new Map<number, number>();
	lastTarget = 0;
	waitingForNewTarget = false;

	constructor(private cfg: ResolvedExecution) {
		this.cash = cfg.initialCash;
	}

	value(price: number): number {
		return this.cash + this.units * price;
	}

	/** Units-weighted average price of the trade's opening and adding fills (reported). */
	averageEntry(): number {
		const t = this.trade!;
		const units = t.fills.reduce((s, f) => s + f.units, 0);
		return t.fills.reduce((s, f) => s + f.units * f.price, 0) / units;
	}

	/** Average cost of the units held: cost basis over units, reductions remove cost pro rata. */
	averageCost(): number {
		return this.trade!.basisCost / this.trade!.basisUnits;
	}

	/** Stop level and its reason, and the take-profit level, of the open trade. */
	levels(): { stop: number; stopReason: ExitReason; target: number } {
		const { stopLoss, trailingStop, takeProfit } = this.cfg;
		const t = this.trade!;
		const entry = this.averageCost();
		if (t.side === 1) {
			const sl = stopLoss ? entry * (1 - stopLoss) : 0;
			const ts = trailingStop ? t.best * (1 - trailingStop) : 0;
			return {
				stop: Math.max(sl, ts),
				stopReason: sl >= ts ? 'stop_loss' : 'trailing_stop',
				target: takeProfit ? entry * (1 + takeProfit) : Infinity
			};
		}
		const sl = stopLoss ? entry * (1 + stopLoss) : Infinity;
		const ts = trailingStop ? t.best * (1 + trailingStop) : Infinity;
		return {
			stop: Math.min(sl, ts),
			stopReason: sl <= ts ? 'stop_loss' : 'trailing_stop',
			target: takeProfit ? entry * (1 - takeProfit) : 0
		};
	}

	hasStops(): boolean {
		return Boolean(this.cfg.stopLoss || this.cfg.takeProfit || this.cfg.trailingStop);
	}

	gapExit(bar: Bar): void {
		if (!this.trade || !this.hasStops()) return;
		const { stop, stopReason, target } = this.levels();
		const side = this.trade.side;
		if (side * (bar.open - stop) <= 0) this.protect(bar, bar.open, stopReason);
		else if (side * (bar.open - target) >= 0) this.protect(bar, bar.open, 'take_profit');
	}

	rangeExit(bar: Bar): void {
		if (!this.trade || !this.hasStops()) return;
		const { stop, stopReason, target } = this.levels();
		const long = this.trade.side === 1;
		const stopInside = long ? bar.low <= stop : bar.high >= stop;
		const targetInside = long ? bar.high >= target : bar.low <= target;
		if (stopInside && targetInside) {
			if (this.cfg.pessimistic) this.protect(bar, stop, stopReason);
			else this.protect(bar, target, 'take_profit');
		} else if (stopInside) this.protect(bar, stop, stopReason);
		else if (targetInside) this.protect(bar, target, 'take_profit');
		else
			this.trade.best = long
				? Math.max(this.trade.best, bar.high)
				: Math.min(this.trade.best, bar.low);
	}

	protect(bar: Bar, price: number, reason: ExitReason): void {
		this.fill(bar, -this.units, price, reason);
		this.waitingForNewTarget = true;
	}

	order(bar: Bar, raw: number, reference: number): void {
		if (this.halt) return;
		const cfg = this.cfg;
		let target = Number.isNaN(raw) ? 0 : raw;
		target = Math.min(cfg.maxLeverage, Math.max(cfg.allowShort ? -cfg.maxLeverage : 0, target));
		const changed = target !== this.lastTarget;
		if (!changed && (this.waitingForNewTarget || !cfg.everyBar)) return;
		this.waitingForNewTarget = false;
		this.lastTarget = target;
		const equity = this.value(reference);
		const wanted = equity > 0 ? (target * equity) / reference : 0;
		const clamped = Math.max(-cfg.maxUnits, Math.min(cfg.maxUnits, wanted));
		let q = clamped - this.units;
		if (cfg.volumeCap) {
			const most = cfg.volumeCap * bar.volume;
			q = Math.sign(q) * Math.min(Math.abs(q), most);
		}
		if (q !== 0) this.fill(bar, q, reference, 'signal');
	}

	fill(bar: Bar, q: number, reference: number, reason: ExitReason): void {
		const cfg = this.cfg;
		const side: 1 | -1 = q > 0 ? 1 : -1;
		const size = Math.abs(q);
		let slip = cfg.slipRate;
		if (cfg.volumeCap || cfg.volumeImpact || cfg.sqrtK) {
			const share = size / bar.volume;
			slip += cfg.volumeImpact * share * share + cfg.sqrtK * bar.sigma * Math.sqrt(share);
		}
		const price = reference * (1 + side * slip);
		const traded = size * price;
		let fee = traded * cfg.feeRate + cfg.feeFixed;
		if (cfg.feeCustom) fee += cfg.feeCustom(traded, q);
		this.cash -= q * price + fee;
		this.fees += fee;
		this.fills++;
		this.notional.set(bar.index, (this.notional.get(bar.index) ?? 0) + traded);

		const t = this.trade;
		if (!t) {
			this.units = q;
			this.trade = this.newTrade(bar, side, size, price, fee);
			return;
		}
		if (t.side === side) {
			t.fills.push({ units: size, price });
			t.basisCost += size * price;
			t.basisUnits += size;
			t.fees += fee;
			t.best = side === 1 ? Math.max(t.best, price) : Math.min(t.best, price);
			this.units += q;
			t.maxUnits = Math.max(t.maxUnits, Math.abs(this.units));
			return;
		}
		const held = Math.abs(this.units);
		const closing = Math.min(size, held);
		const cost = this.averageCost();
		t.realized += t.side * (price - cost) * closing;
		t.basisCost -= cost * closing;
		t.basisUnits -= closing;
		t.exits.push({ units: closing, price });
		t.fees += (fee * closing) / size;
		if (size < held) {
			this.units += q;
			return;
		}
		this.finish(bar, reason);
		this.units = 0;
		if (size > held) {
			this.units = side * (size - held);
			this.trade = this.newTrade(bar, side, size - held, price, fee - (fee * closing) / size);
		}
	}

	newTrade(bar: Bar, side: 1 | -1, size: number, price: number, fee: number): OpenTrade {
		return {
			side,
			entryBar: bar.index,
			entryTime: bar.time,
			fills: [{ units: size, price }],
			exits: [],
			basisCost: size * price,
			basisUnits: size,
			realized: 0,
			fees: fee,
			maxUnits: size,
			best: price
		};
	}

	finish(bar: Bar, reason: ExitReason): void {
		const t = this.trade!;
		const exitUnits = t.exits.reduce((s, f) => s + f.units, 0);
		this.trades.push({
			side: t.side,
			entryBar: t.entryBar,
			entryTime: t.entryTime,
			entryPrice: this.averageEntry(),
			exitBar: bar.index,
			exitTime: bar.time,
			exitPrice: t.exits.reduce((s, f) => s + f.units * f.price, 0) / exitUnits,
			units: t.maxUnits,
			pnl: t.realized - t.fees,
			fees: t.fees,
			barsHeld: bar.index - t.entryBar,
			exitReason: reason
		});
		this.trade = null;
	}

	closeAtEnd(bar: Bar): void {
		const t = this.trade!;
		const held = Math.abs(this.units);
		t.realized += t.side * (bar.close - this.averageCost()) * held;
		t.exits.push({ units: held, price: bar.close });
		this.finish(bar, 'end_of_data');
	}
}
