import { err, ok, type Result } from '../result';
import { matchColumns, type ColumnMap } from './match-columns';
import { parseDecimal } from './parse-decimal';
import { parseIsoTime } from './parse-iso-time';

/** A bar file's header: the trimmed column names, where each field is, and which column is close. */
export interface BarHeader {
	names: string[];
	map: ColumnMap;
	/** `map.close`, or `map.adjClose` when the file has no close column. */
	closeColumn: number;
}

/**
 * Reads a bar file's header row (see `matchColumns` for the spellings) and refuses a header without a
 * time or close column, naming the columns it found and hinting when the first row looks like data.
 * Shared by the strict parser and the lenient readers so both refuse the same files the same way.
 *
 * @example
 * const r = matchBarHeader(['Date', 'Adj Close']);
 * if (r.ok) r.value.closeColumn; // 1
 */
export function matchBarHeader(fields: readonly string[]): Result<BarHeader> {
	const names = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
	const matched = matchColumns(names);
	if (!matched.ok) return matched;
	const map = matched.value;
	const found = `found columns: ${names.join(', ')}`;
	const looksLikeData = names.every((h) => parseDecimal(h) !== null || parseIsoTime(h) !== null);
	const hint = looksLikeData
		? ' (the first row looks like data: add a header row naming the columns)'
		: '';
	if (map.close < 0 && map.adjClose < 0)
		return err('bad_input', `no close column; ${found}${hint}`, { row: 1 });
	if (map.time < 0) {
		return err('bad_input', `no time column (date, time, timestamp or datetime); ${found}${hint}`, {
			row: 1
		});
	}
	return ok({ names, map, closeColumn: map.close >= 0 ? map.close : map.adjClose });
}

/**
 * What reading with this header assumes, one sentence each: close read from adjusted close, open,
 * high and low set to close, no volume, and which columns are ignored (`alsoUsed` lists columns the
 * caller reads for other purposes, such as a symbol column).
 */
export function barHeaderWarnings(header: BarHeader, alsoUsed: readonly number[] = []): string[] {
	const { names, map, closeColumn } = header;
	const warnings: string[] = [];
	if (map.close < 0) warnings.push(`no close column: close read from "${names[map.adjClose]}"`);
	const missing = (['open', 'high', 'low'] as const).filter((f) => map[f] < 0);
	if (missing.length > 0)
		warnings.push(`no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: set to close`);
	if (map.volume < 0) warnings.push('no volume column: volume is NaN');
	const used = new Set([
		map.time,
		map.open,
		map.high,
		map.low,
		closeColumn,
		map.volume,
		...alsoUsed
	]);
	const ignored = names.filter((_, i) => !used.has(i));
	if (ignored.length > 0) warnings.push(`ignored columns: ${ignored.join(', ')}`);
	return warnings;
}
