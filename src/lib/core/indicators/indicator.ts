/**
 * The contract every indicator in AXON's library keeps. One definition gives two execution paths
 * that must agree exactly (f64): `compute` over a whole series (the batch path) and `stream` bar by
 * bar (the live path). The WebGPU batch path (issue #3, part 6a) is held to `compute` within a stated
 * f32 tolerance.
 *
 * Conventions: outputs are NaN during warm-up (and after a non-finite input, until warmed up again);
 * parameters are validated by `validateParams` before either path runs; every definition cites where
 * its formula comes from and follows TA-Lib / TTR defaults unless `definition` says otherwise.
 */
import type { OhlcvSeries } from '../ohlcv';

export type IndicatorCategory =
	| 'returns'
	| 'statistics'
	| 'trend'
	| 'momentum'
	| 'volatility'
	| 'volume'
	| 'relation'
	| 'spectral'
	| 'regime'
	| 'calendar';

export type BarField = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';

export interface ParamSpec {
	name: string;
	default: number;
	min: number;
	max: number;
	integer: boolean;
	/** One line for the feature reference and the pipeline designer. */
	description: string;
}

/** One bar as the streaming path sees it (time in ms since the epoch, UTC). */
export interface Bar {
	time: number;
	open: number;
	high: number;
	low: number;
	close: number;
	volume: number;
}

export type Params = Record<string, number>;

export interface IndicatorStream {
	/** Feeds the next bar; returns this bar's value for each output (NaN while warming up). */
	update(bar: Bar): Float64Array;
}

export interface IndicatorDef {
	/** Stable snake_case id, e.g. `rsi`, `macd`, `vol_parkinson`. */
	id: string;
	/** Human name, e.g. "Relative Strength Index (Wilder)". */
	name: string;
	category: IndicatorCategory;
	/** Bar fields read; `relation` indicators read `close` of two series (see `RelationDef`). */
	inputs: readonly BarField[];
	params: readonly ParamSpec[];
	/** Output column names, e.g. ['macd', 'signal', 'hist']. */
	outputs: readonly string[];
	/** Leading rows that are NaN for these params on clean data. */
	warmup(p: Params): number;
	/** Batch path: one Float64Array per output, each `series.close.length` long. */
	compute(series: OhlcvSeries, p: Params): Float64Array[];
	/** Streaming path: same numbers as `compute`, one bar at a time. */
	stream(p: Params): IndicatorStream;
	/** The formula in plain text (unicode maths), with any convention choices spelled out. */
	definition: string;
	/** Citation: book/paper/manual, and the reference implementation it is tested against. */
	reference: string;
}

/** Two-series indicators (rolling correlation, beta): `other` is the second series' closes. */
export interface RelationDef extends Omit<IndicatorDef, 'compute' | 'stream'> {
	compute(series: OhlcvSeries, p: Params, other: Float64Array): Float64Array[];
	stream(p: Params): { update(bar: Bar, otherClose: number): Float64Array };
}

/** Fills defaults and checks ranges; the message names the parameter. */
export function validateParams(
	def: Pick<IndicatorDef, 'id' | 'params'>,
	given: Params = {}
): { ok: true; value: Params } | { ok: false; message: string } {
	const out: Params = {};
	for (const key of Object.keys(given)) {
		if (!def.params.some((p) => p.name === key)) {
			return { ok: false, message: `${def.id}: unknown parameter "${key}"` };
		}
	}
	for (const spec of def.params) {
		const v = given[spec.name] ?? spec.default;
		if (
			!Number.isFinite(v) ||
			v < spec.min ||
			v > spec.max ||
			(spec.integer && !Number.isInteger(v))
		) {
			return {
				ok: false,
				message: `${def.id}: ${spec.name} must be ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}], got ${v}`
			};
		}
		out[spec.name] = v;
	}
	return { ok: true, value: out };
}
