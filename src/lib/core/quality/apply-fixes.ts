import { describeInvalidBar, isInvalidBar } from '../data/invalid-bar';
import { originLabel, type RawBars } from '../data/raw-bars';
import { rawBarsToSeries } from '../data/raw-bars-to-series';
import type { OhlcvField, OhlcvSeries } from '../ohlcv';
import { err, ok, type Result } from '../result';
import type { QualityReport } from './assess-quality';
import { findDuplicateTimes } from './find-duplicate-times';
import { findNonMonotonic } from './find-non-monotonic';
import { findOhlcInconsistencies } from './find-ohlc-inconsistencies';
import { findReturnOutliers } from './find-return-outliers';

/** How to resolve each finding. Every option is explicit: nothing is changed unless asked for. */
export interface FixOptions {
	/** Bars sharing a time: keep the first or last in source order, or refuse the data. */
	duplicates: 'keep_first' | 'keep_last' | 'reject';
	/**
	 * Bars with an unusable value (not a finite number, a non-positive price, a negative volume): drop
	 * them, or replace each bad value by the same field of the bar before in time (pandas' `ffill`, per
	 * field; bars with nothing before them are dropped), or refuse. A bar without a readable time is
	 * dropped under both `drop` and `forward_fill`, since it has no place in the series.
	 */
	invalid: 'drop' | 'forward_fill' | 'reject';
	/** Bars that go back in time: sort all bars by time (stable), or refuse. */
	nonMonotonic: 'sort' | 'reject';
	/** Bars the report flagged as return outliers: keep or drop them. */
	outliers: 'keep' | 'drop';
	/** Bars whose OHLC prices contradict each other: keep (default), drop or refuse. */
	ohlc?: 'keep' | 'drop' | 'reject';
}

export interface FixedSeries {
	series: OhlcvSeries;
	/** One sentence per change made, with counts and the first rows; empty when nothing changed. */
	applied: string[];
}

const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;
const ALL_FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
const NO_FIELDS: readonly OhlcvField[] = [];
const LISTED = 10;

function rowsText(raw: RawBars, indices: readonly number[]): string {
	const listed = indices.slice(0, LISTED).map((i) => raw.origin[i]);
	const more = indices.length > LISTED ? ` and ${indices.length - LISTED} more` : '';
	return `${raw.originWord}${indices.length > 1 ? (raw.originWord === 'row' ? 's' : 'es') : ''} ${listed.join(', ')}${more}`;
}

const bars = (k: number) => `${k} bar${k === 1 ? '' : 's'}`;

function ohlcProblem(raw: RawBars, i: number): string {
	const [o, h, l, c] = [raw.open[i], raw.high[i], raw.low[i], raw.close[i]];
	if (h < l) return `high ${h} is below low ${l}`;
	if (o < l || o > h) return `open ${o} is outside [low ${l}, high ${h}]`;
	return `close ${c} is outside [low ${l}, high ${h}]`;
}

/** Whether field `f` of bar `i` is unusable: not finite, a non-positive price or a negative volume. */
const isBadValue = (raw: RawBars, f: OhlcvField, i: number): boolean =>
	!Number.isFinite(raw[f][i]) || (f === 'volume' ? raw[f][i] < 0 : raw[f][i] <= 0);

/** The earlier bar that bar `i` collides with (same time) or goes back from (the latest before it). */
function earlierBar(raw: RawBars, i: number, sameTime: boolean): number {
	let best = -1;
	for (let j = 0; j < i; j++) {
		const t = raw.time[j];
		if (sameTime ? t === raw.time[i] : best < 0 || t > raw.time[best]) best = j;
		if (sameTime && best >= 0) break;
	}
	return best;
}

/**
 * Resolves the findings of `assessQuality(raw)` as `opts` says and returns the clean series with a
 * human-readable list of every change (`applied`). Never changes data silently: each drop, sort,
 * de-duplication and fill is listed with its count and first rows. A `reject` option whose finding is
 * present ends with `{ ok: false, code: 'bad_input' }` naming the first offending row, checked in
 * the order invalid, nonMonotonic, duplicates, ohlc.
 *
 * Order of work: bars without a readable time, flagged outliers, OHLC contradictions (`ohlc: 'drop'`)
 * and unusable bars (`invalid: 'drop'`) are dropped; the rest is sorted by time if any bar went back
 * in time; duplicate times are reduced to one bar each; finally bad values are forward-filled
 * (`invalid: 'forward_fill'`). Outliers are those in the report (same threshold).
 *
 * @example
 * const r = applyFixes(raw, assessQuality(raw), {
 * 	duplicates: 'keep_first', invalid: 'drop', nonMonotonic: 'sort', outliers: 'keep'
 * });
 * if (r.ok) r.value.applied; // ['dropped 2 bars with an unusable value (rows 7, 19): …']
 */
export function applyFixes(
	raw: RawBars,
	report: QualityReport,
	opts: FixOptions
): Result<FixedSeries> {
	const n = raw.time.length;
	if (report.bars !== n || report.symbol !== raw.symbol) {
		return err(
			'bad_input',
			`the report is for ${report.symbol} (${report.bars} bars), not these bars (${raw.symbol}, ${n}): assess them again`
		);
	}
	const ohlcMode = opts.ohlc ?? 'keep';
	const invalid: number[] = [];
	for (let i = 0; i < n; i++) if (isInvalidBar(raw, i)) invalid.push(i);
	const nonMonotonic = findNonMonotonic(raw);
	const duplicates = findDuplicateTimes(raw);
	const ohlc = findOhlcInconsistencies(raw).bars;
	const reject = (i: number, message: string) =>
		err('bad_input', message, { [raw.originWord]: raw.origin[i] });

	if (opts.invalid === 'reject' && invalid.length > 0)
		return reject(invalid[0], `${describeInvalidBar(raw, invalid[0])}`);
	if (opts.nonMonotonic === 'reject' && nonMonotonic.length > 0) {
		const i = nonMonotonic[0];
		return reject(
			i,
			`timestamps not ascending at ${originLabel(raw, i)}: earlier than ${originLabel(raw, earlierBar(raw, i, false))}`
		);
	}
	if (opts.duplicates === 'reject' && duplicates.length > 0) {
		const i = duplicates[0];
		return reject(
			i,
			`duplicate timestamp at ${originLabel(raw, i)}: the same time as ${originLabel(raw, earlierBar(raw, i, true))}`
		);
	}
	if (ohlcMode === 'reject' && ohlc.length > 0)
		return reject(ohlc[0], `${originLabel(raw, ohlc[0])}: ${ohlcProblem(raw, ohlc[0])}`);

	const applied: string[] = [];
	const dropped = new Uint8Array(n);
	const drop = (indices: readonly number[], sentence: (k: number, rows: string) => string) => {
		const fresh = indices.filter((i) => dropped[i] === 0);
		if (fresh.length === 0) return;
		for (const i of fresh) dropped[i] = 1;
		applied.push(sentence(fresh.length, rowsText(raw, fresh)));
	};
	drop(
		invalid.filter((i) => !Number.isFinite(raw.time[i])),
		(k, rows) => `dropped ${bars(k)} without a readable time (${rows})`
	);
	if (opts.outliers === 'drop') {
		const flagged = findReturnOutliers(raw, report.outliers.threshold).outliers.map((o) => o.bar);
		drop(
			flagged,
			(k, rows) =>
				`dropped ${bars(k)} flagged as return outliers, |modified z| > ${report.outliers.threshold} (${rows})`
		);
	}
	if (ohlcMode === 'drop')
		drop(
			ohlc,
			(k, rows) => `dropped ${bars(k)} whose open, high, low and close contradict (${rows})`
		);
	if (opts.invalid === 'drop')
		drop(invalid, (k, rows) => `dropped ${bars(k)} with an unusable value (${rows})`);

	let order: number[] = [];
	for (let i = 0; i < n; i++) if (dropped[i] === 0) order.push(i);
	const unordered = nonMonotonic.filter((i) => dropped[i] === 0);
	if (unordered.length > 0) {
		order = order.sort((a, b) => raw.time[a] - raw.time[b]);
		applied.push(
			`sorted ${bars(order.length)} by time: ${bars(unordered.length)} went back in time (${rowsText(raw, unordered)})`
		);
	}

	const kept: number[] = [];
	const repeats: number[] = [];
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const sameAsNext = k + 1 < order.length && raw.time[order[k + 1]] === raw.time[i];
		const sameAsPrevious = k > 0 && raw.time[order[k - 1]] === raw.time[i];
		const keep = opts.duplicates === 'keep_last' ? !sameAsNext : !sameAsPrevious;
		(keep ? kept : repeats).push(i);
	}
	if (repeats.length > 0) {
		const which = opts.duplicates === 'keep_last' ? 'last' : 'first';
		applied.push(
			`removed ${bars(repeats.length)} repeating a time, keeping the ${which} bar of each time (removed ${rowsText(
				raw,
				[...repeats].sort((a, b) => a - b)
			)})`
		);
	}

	const fields: OhlcvField[] = [...PRICE_FIELDS, ...(raw.hasVolume ? (['volume'] as const) : [])];
	const fill = opts.invalid === 'forward_fill';
	// Written straight into typed arrays: at most one bar per kept bar.
	const out = {} as Record<OhlcvField, Float64Array>;
	for (const f of ALL_FIELDS) out[f] = new Float64Array(kept.length);
	const origin = new Int32Array(kept.length);
	let m = 0;
	const filled: Partial<Record<OhlcvField, number>> = {};
	const filledBars: number[] = [];
	const leading: number[] = [];
	for (const i of kept) {
		const badFields =
			fill && isInvalidBar(raw, i) ? fields.filter((f) => isBadValue(raw, f, i)) : NO_FIELDS;
		if (badFields.length > 0 && m === 0) {
			leading.push(i);
			continue;
		}
		if (badFields.length === 0) {
			// Unrolled: a loop over field names would make a keyed property lookup per cell.
			out.time[m] = raw.time[i];
			out.open[m] = raw.open[i];
			out.high[m] = raw.high[i];
			out.low[m] = raw.low[i];
			out.close[m] = raw.close[i];
			out.volume[m] = raw.volume[i];
		} else {
			for (const f of ALL_FIELDS) out[f][m] = badFields.includes(f) ? out[f][m - 1] : raw[f][i];
			for (const f of badFields) filled[f] = (filled[f] ?? 0) + 1;
			filledBars.push(i);
		}
		origin[m++] = raw.origin[i];
	}
	if (leading.length > 0) {
		applied.push(
			`dropped ${bars(leading.length)} with an unusable value and no earlier bar to fill from (${rowsText(raw, leading)})`
		);
	}
	if (filledBars.length > 0) {
		const perField = fields
			.filter((f) => filled[f] !== undefined)
			.map((f) => `${f}: ${filled[f]}`)
			.join(', ');
		const cells = Object.values(filled).reduce((a, b) => a + b, 0);
		applied.push(
			`forward-filled ${cells} unusable value${cells === 1 ? '' : 's'} (${perField}) in ${bars(filledBars.length)} from the bar before (${rowsText(raw, filledBars)})`
		);
	}
	if (m === 0)
		return err('bad_input', `no usable bars left after the fixes: ${applied.join('; ')}`);

	const fixed: RawBars = {
		...raw,
		time: out.time.subarray(0, m),
		open: out.open.subarray(0, m),
		high: out.high.subarray(0, m),
		low: out.low.subarray(0, m),
		close: out.close.subarray(0, m),
		volume: out.volume.subarray(0, m),
		origin: origin.subarray(0, m)
	};
	// Every rule above leaves strictly ascending, usable bars; this re-check guards the guarantee.
	const series = rawBarsToSeries(fixed);
	if (!series.ok) return err('internal', `fixes left a problem: ${series.message}`);
	return ok({ series: series.value, applied });
}
