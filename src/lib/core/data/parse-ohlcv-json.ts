import { ok, type Result } from '../result';
import type { ParsedOhlcv } from './csv-bar-reader';
import { rawBarsToSeries } from './raw-bars-to-series';
import { readBarsJson, type ReadBarsJsonOptions } from './read-bars-json';

export type ParseOhlcvJsonOptions = ReadBarsJsonOptions;

/**
 * Reads bars from JSON — an array of bar objects or an object of columns, see `readBarsJson` — into
 * an `OhlcvSeries`, all-or-nothing like `parseOhlcvCsv`: the first problem (bad JSON or shape, an
 * unreadable value, a non-positive price, a duplicate or out-of-order time) is
 * `{ ok: false, code: 'bad_input' }` with a message naming the array index (`index 3: close is "abc",
 * not a number`) and `details: { index }` where one applies.
 *
 * @example
 * const r = parseOhlcvJson('[{"date":"2024-01-02","close":101.5},{"date":"2024-01-03","close":102}]', {
 * 	symbol: 'X'
 * });
 * if (r.ok) r.value.series.close; // Float64Array [101.5, 102]
 */
export function parseOhlcvJson(text: string, opts: ParseOhlcvJsonOptions): Result<ParsedOhlcv> {
	const raw = readBarsJson(text, opts);
	if (!raw.ok) return raw;
	const series = rawBarsToSeries(raw.value);
	if (!series.ok) return series;
	return ok({ series: series.value, warnings: raw.value.warnings });
}
