/** Where an order decided at a bar's close is filled, on the fill bar t + lag. */
export type FillPrice = 'next_open' | 'close' | 'vwap_proxy';

/** Which of a stop and a take-profit that are both inside one bar's range is assumed to fill. */
export type IntrabarOrder = 'pessimistic' | 'optimistic';

/** When the engine sends orders. */
export type Rebalance = 'on_change' | 'every_bar';

/** A fee model: called once per fill with its notional (> 0, quote currency) and signed units. */
export type FeeFunction = (notional: number, units: number) => number;

/**
 * How `simulate` turns targets into fills. Every field is optional; the defaults are a long/short,
 * 1× leverage, cost-free account that fills at the next bar's open. See `simulate` for the rules.
 */
export interface ExecutionConfig {
	/** Starting cash, > 0. Default 1, so equity reads as a multiple of the start. */
	initialCash?: number;
	/** Bars between the decision (at close t) and the fill bar t + lag; integer ≥ 0. Default 1. */
	lag?: number;
	/**
	 * Price the order fills at on bar t + lag: 'next_open' (its open), 'close' (its close) or
	 * 'vwap_proxy' ((O + H + L + C) / 4, the typical-price average of the bar, a proxy for its VWAP
	 * when intrabar volume is unknown). lag 0 fills at the decision bar itself, so it requires
	 * 'close' (the open and the bar average are known before the close: filling there is look-ahead).
	 * Default 'next_open'.
	 */
	fill?: FillPrice;
	/**
	 * 'on_change' (default) sends an order only when the target differs from the last one traded to,
	 * so a held position drifts with the price; 'every_bar' re-sizes to target × equity at every fill
	 * bar, paying costs on the drift (as a constant-fraction strategy really would).
	 */
	rebalance?: Rebalance;
	/** Largest |target| as a fraction of equity; targets are clamped to ±maxLeverage. Default 1. */
	maxLeverage?: number;
	/** false maps negative targets to flat (long/flat only). Default true. */
	allowShort?: boolean;
	/** Largest |position| in units (shares, coins); orders are clamped to it. Default Infinity. */
	maxUnits?: number;
	fees?: {
		/** Proportional fee, basis points of each fill's notional (10 = 0.1%). Default 0. */
		bps?: number;
		/** Fixed fee per fill (per order, and per protective exit), in quote currency. Default 0. */
		fixed?: number;
		/** Any further fee, e.g. tiered or with a minimum; must return a finite number ≥ 0. */
		custom?: FeeFunction;
	};
	slippage?: {
		/** Fixed adverse slippage, basis points of the reference price. Default 0. */
		bps?: number;
		/**
		 * Volume-share model (zipline's `VolumeShareSlippage`): a strategy order fills at most
		 * cap × the fill bar's volume, the rest is cancelled; the fill pays an adverse impact of
		 * impact × (q / V)² of the price. Needs volume > 0 on every bar.
		 */
		volumeShare?: { cap: number; impact?: number };
		/**
		 * Square-root impact: an adverse move of k · σ · √(q / V) of the price, with σ the per-bar
		 * volatility of returns (a number, or one value per bar, known before the fill: the caller
		 * keeps it causal). Needs volume > 0 on every bar.
		 */
		sqrtImpact?: { k: number; sigma: number | Float64Array };
	};
	stops?: {
		/** Exit when the price moves this fraction against the average entry price (0.05 = 5%). */
		stopLoss?: number;
		/** Exit when the price moves this fraction in favour of the average entry price. */
		takeProfit?: number;
		/** Exit when the price retreats this fraction from the best price since entry. */
		trailingStop?: number;
		/** Both a stop and the take-profit inside one bar: 'pessimistic' (default) assumes the stop. */
		intrabar?: IntrabarOrder;
	};
	/** Limits checked at each close; a breach flattens the account and stops trading for good. */
	risk?: {
		/** Largest fall of equity from its running peak, as a fraction (0.2 = 20%). */
		maxDrawdown?: number;
		/** Largest fall within one UTC calendar day from the previous day's last close. */
		dailyLoss?: number;
		/** Largest gross exposure |units × close| / equity. */
		maxExposure?: number;
	};
}

/** `ExecutionConfig` with defaults applied and every value checked; what the engines read. */
export interface ResolvedExecution {
	initialCash: number;
	lag: number;
	fill: FillPrice;
	everyBar: boolean;
	maxLeverage: number;
	allowShort: boolean;
	maxUnits: number;
	feeRate: number;
	feeFixed: number;
	feeCustom: FeeFunction | null;
	slipRate: number;
	/** 0 when there is no volume cap. */
	volumeCap: number;
	volumeImpact: number;
	sqrtK: number;
	sigma: number;
	/** Per-bar σ, or null to use `sigma` on every bar. */
	sigmaSeries: Float64Array | null;
	/** 0 for "not set" in the three stops and three limits. */
	stopLoss: number;
	takeProfit: number;
	trailingStop: number;
	pessimistic: boolean;
	maxDrawdown: number;
	dailyLoss: number;
	maxExposure: number;
}

/**
 * Applies the defaults of `ExecutionConfig` and checks every value for a series of `bars` bars whose
 * volumes are `volume` (checked only when a volume-based slippage model is on).
 *
 * @throws RangeError naming the first bad field and what it must be.
 * @example
 * resolveExecution({ fees: { bps: 10 } }, 1000, volume).feeRate; // 0.001
 */
export function resolveExecution(
	config: ExecutionConfig,
	bars: number,
	volume: Float64Array
): ResolvedExecution {
	const { initialCash = 1, lag = 1, fill = 'next_open', rebalance = 'on_change' } = config;
	const { maxLeverage = 1, allowShort = true, maxUnits = Infinity } = config;
	const fees = config.fees ?? {};
	const slip = config.slippage ?? {};
	const stops = config.stops ?? {};
	const risk = config.risk ?? {};
	check(Number.isFinite(initialCash) && initialCash > 0, 'initialCash must be finite and > 0');
	check(Number.isInteger(lag) && lag >= 0, 'lag must be an integer ≥ 0');
	check(['next_open', 'close', 'vwap_proxy'].includes(fill), `unknown fill '${fill}'`);
	check(
		lag > 0 || fill === 'close',
		"lag 0 fills at the decision bar itself, so it needs fill 'close' (its open is look-ahead)"
	);
	check(['on_change', 'every_bar'].includes(rebalance), `unknown rebalance '${rebalance}'`);
	check(Number.isFinite(maxLeverage) && maxLeverage > 0, 'maxLeverage must be finite and > 0');
	check(maxUnits > 0, 'maxUnits must be > 0');
	const feeRate = nonNegative(fees.bps, 'fees.bps') / 1e4;
	const feeFixed = nonNegative(fees.fixed, 'fees.fixed');
	const slipRate = nonNegative(slip.bps, 'slippage.bps') / 1e4;
	let volumeCap = 0;
	let volumeImpact = 0;
	if (slip.volumeShare) {
		volumeCap = slip.volumeShare.cap;
		check(volumeCap > 0 && volumeCap <= 1, 'slippage.volumeShare.cap must be in (0, 1]');
		volumeImpact = nonNegative(slip.volumeShare.impact, 'slippage.volumeShare.impact');
	}
	let sqrtK = 0;
	let sigma = 0;
	let sigmaSeries: Float64Array | null = null;
	if (slip.sqrtImpact) {
		sqrtK = nonNegative(slip.sqrtImpact.k, 'slippage.sqrtImpact.k');
		const s = slip.sqrtImpact.sigma;
		if (typeof s === 'number') sigma = nonNegative(s, 'slippage.sqrtImpact.sigma');
		else {
			check(s.length === bars, `slippage.sqrtImpact.sigma has ${s.length} values for ${bars} bars`);
			for (let i = 0; i < bars; i++)
				check(s[i] >= 0 && s[i] < Infinity, `slippage.sqrtImpact.sigma[${i}] is ${s[i]}`);
			sigmaSeries = s;
		}
	}
	if (slip.volumeShare || slip.sqrtImpact)
		for (let i = 0; i < bars; i++)
			check(
				volume[i] > 0 && volume[i] < Infinity,
				`volume[${i}] is ${volume[i]}; volume-based slippage needs volume > 0 on every bar`
			);
	return {
		initialCash,
		lag,
		fill,
		everyBar: rebalance === 'every_bar',
		maxLeverage,
		allowShort,
		maxUnits,
		feeRate,
		feeFixed,
		feeCustom: fees.custom ?? null,
		slipRate,
		volumeCap,
		volumeImpact,
		sqrtK,
		sigma,
		sigmaSeries,
		stopLoss: fraction(stops.stopLoss, 'stops.stopLoss'),
		takeProfit: positive(stops.takeProfit, 'stops.takeProfit'),
		trailingStop: fraction(stops.trailingStop, 'stops.trailingStop'),
		pessimistic: (stops.intrabar ?? 'pessimistic') === 'pessimistic',
		maxDrawdown: fraction(risk.maxDrawdown, 'risk.maxDrawdown'),
		dailyLoss: fraction(risk.dailyLoss, 'risk.dailyLoss'),
		maxExposure: positive(risk.maxExposure, 'risk.maxExposure')
	};
}

function nonNegative(value: number | undefined, name: string): number {
	if (value === undefined) return 0;
	check(Number.isFinite(value) && value >= 0, `${name} must be finite and ≥ 0`);
	return value;
}

/** An optional fraction in (0, 1); 0 stands for "not set". */
function fraction(value: number | undefined, name: string): number {
	if (value === undefined) return 0;
	check(value > 0 && value < 1, `${name} must be in (0, 1)`);
	return value;
}

/** An optional finite value > 0; 0 stands for "not set". */
function positive(value: number | undefined, name: string): number {
	if (value === undefined) return 0;
	check(Number.isFinite(value) && value > 0, `${name} must be finite and > 0`);
	return value;
}

function check(condition: boolean, message: string): asserts condition {
	if (!condition) throw new RangeError(`simulate: ${message}`);
}
