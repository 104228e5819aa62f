/** Why a trade ended; the index is the code stored in `TradeLog.exitReason`. */
export const EXIT_REASONS = [
	'signal',
	'stop_loss',
	'take_profit',
	'trailing_stop',
	'risk_limit',
	'end_of_data'
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_SIGNAL = 0;
export const EXIT_STOP_LOSS = 1;
export const EXIT_TAKE_PROFIT = 2;
export const EXIT_TRAILING_STOP = 3;
export const EXIT_RISK_LIMIT = 4;
export const EXIT_END_OF_DATA = 5;

/**
 * One round trip, from flat (or a flip) back to flat (or the next flip). Adds and partial reductions
 * in between belong to the same trade.
 */
export interface Trade {
	/** +1 long, −1 short. */
	side: 1 | -1;
	entryBar: number;
	entryTime: number;
	/** Units-weighted average price of the opening and adding fills, after slippage. */
	entryPrice: number;
	exitBar: number;
	exitTime: number;
	/** Units-weighted average price of the reducing fills, after slippage (the last close at end of data). */
	exitPrice: number;
	/** Largest |position| held during the trade. */
	units: number;
	/** Realised profit after all the trade's fees: Σ side · (exit − average entry) · units − fees. */
	pnl: number;
	/** Fees of the trade's fills; a flip's fee is split between the two trades by units. */
	fees: number;
	/** exitBar − entryBar. */
	barsHeld: number;
	exitReason: ExitReason;
}

/**
 * Trades in columns, like `OhlcvSeries`: the engine appends without allocating objects (the columns
 * double when full), and metrics read the columns directly. Entries past `count` are unused.
 */
export interface TradeLog {
	count: number;
	side: Int8Array;
	entryBar: Int32Array;
	entryTime: Float64Array;
	entryPrice: Float64Array;
	exitBar: Int32Array;
	exitTime: Float64Array;
	exitPrice: Float64Array;
	units: Float64Array;
	pnl: Float64Array;
	fees: Float64Array;
	/** Index into `EXIT_REASONS`. */
	exitReason: Uint8Array;
}

/** An empty log with room for `capacity` trades. */
export function createTradeLog(capacity = 64): TradeLog {
	return {
		count: 0,
		side: new Int8Array(capacity),
		entryBar: new Int32Array(capacity),
		entryTime: new Float64Array(capacity),
		entryPrice: new Float64Array(capacity),
		exitBar: new Int32Array(capacity),
		exitTime: new Float64Array(capacity),
		exitPrice: new Float64Array(capacity),
		units: new Float64Array(capacity),
		pnl: new Float64Array(capacity),
		fees: new Float64Array(capacity),
		exitReason: new Uint8Array(capacity)
	};
}

/** Doubles every column of a full log in place (amortised O(1) per appended trade). */
export function growTradeLog(log: TradeLog): void {
	const cap = log.side.length * 2;
	const grow = <T extends Int8Array | Uint8Array | Int32Array | Float64Array>(a: T): T => {
		const b = new (a.constructor as new (n: number) => T)(cap);
		b.set(a);
		return b;
	};
	log.side = grow(log.side);
	log.entryBar = grow(log.entryBar);
	log.entryTime = grow(log.entryTime);
	log.entryPrice = grow(log.entryPrice);
	log.exitBar = grow(log.exitBar);
	log.exitTime = grow(log.exitTime);
	log.exitPrice = grow(log.exitPrice);
	log.units = grow(log.units);
	log.pnl = grow(log.pnl);
	log.fees = grow(log.fees);
	log.exitReason = grow(log.exitReason);
}

/**
 * The trades of a log as objects, for display and export.
 *
 * @example
 * tradeList(simulate(series, targets, {}).trades)[0].exitReason; // 'signal'
 */
export function tradeList(log: TradeLog): Trade[] {
	return Array.from({ length: log.count }, (_, k) => ({
		side: log.side[k] as 1 | -1,
		entryBar: log.entryBar[k],
		entryTime: log.entryTime[k],
		entryPrice: log.entryPrice[k],
		exitBar: log.exitBar[k],
		exitTime: log.exitTime[k],
		exitPrice: log.exitPrice[k],
		units: log.units[k],
		pnl: log.pnl[k],
		fees: log.fees[k],
		barsHeld: log.exitBar[k] - log.entryBar[k],
		exitReason: EXIT_REASONS[log.exitReason[k]]
	}));
}
