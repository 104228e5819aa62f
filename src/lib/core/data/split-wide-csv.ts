import { err, ok, type Err, type Result } from '../result';
import { LenientTimeReader, TIME_FORMAT_WORDS } from './lenient-time-reader';
import { matchColumns } from './match-columns';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import { RawBarsBuilder, type RawBars } from './raw-bars';
import { readNumberLenient } from './read-number-lenient';
import { streamCsvRecords } from './stream-csv-records';

export interface SplitWideCsvOptions {
	/** Files with more data rows are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
}

/**
 * Reads a "wide" close-price file — a time column and one close column per symbol, like R's
 * `EuStockMarkets` (`"t","DAX","SMI","CAC","FTSE"`) — into one `RawBars` per symbol column, named by
 * its header, with open = high = low = close and no volume. The time column is the one named like a
 * time (`date`, `time`, `timestamp`, `datetime`), else the first column (and a warning says so). Times
 * are read as in `readBarsLenient`, decimal years included: `1991.49615` is the start of 1991 plus
 * 0.49615 of 1991's length (see `decimalYearToMs`). Bad cells are NaN with a `CellIssue`, as in
 * `readBarsLenient`; every series has one bar per data row, so they stay aligned.
 *
 * @example
 * const r = splitWideCsv('t,DAX,SMI\n1991.5,1613.63,1688.5\n');
 * if (r.ok) r.value.map((s) => s.symbol); // ['DAX', 'SMI']
 */
export function splitWideCsv(text: string, opts: SplitWideCsvOptions = {}): Result<RawBars[]> {
	const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
	const time = new LenientTimeReader();
	let names: string[] | null = null;
	let timeColumn = -1;
	let builders: RawBarsBuilder[] = [];
	let symbols: { name: string; column: number }[] = [];
	const warnings: string[] = [];
	let rows = 0;

	const acceptHeader = (fields: readonly string[], row: number): Err | null => {
		names = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
		const matched = matchColumns(names);
		if (!matched.ok) return matched;
		timeColumn = matched.value.time >= 0 ? matched.value.time : 0;
		if (matched.value.time < 0)
			warnings.push(`no column named like a time: read the first column, "${names[0]}", as time`);
		symbols = names
			.map((name, column) => ({ name: name || `column ${column + 1}`, column }))
			.filter(({ column }) => column !== timeColumn);
		if (symbols.length === 0) {
			return err(
				'bad_input',
				`no symbol columns: a wide file needs a time column and at least one close column; found columns: ${names.join(', ')}`,
				{ row }
			);
		}
		const seen = new Set<string>();
		for (const { name } of symbols) {
			if (seen.has(name))
				return err('bad_input', `two columns are named "${name}": each symbol needs its own name`, {
					row
				});
			seen.add(name);
		}
		builders = symbols.map(() => new RawBarsBuilder());
		return null;
	};

	const failure = streamCsvRecords(text, (fields, row, quoteError) => {
		if (fields.every((f) => f.trim() === '')) return null;
		if (names === null) return acceptHeader(fields, row);
		if (++rows > maxRows) {
			return err('too_large', `too many rows: more than ${maxRows} data rows (the limit)`, {
				row,
				maxRows
			});
		}
		const malformed =
			quoteError ??
			(fields.length !== names.length
				? `${fields.length} fields, but the header has ${names.length}`
				: null);
		const t = malformed === null ? time.read(fields[timeColumn]) : { value: NaN, issue: null };
		symbols.forEach(({ column }, k) => {
			const b = builders[k];
			if (malformed !== null) {
				b.issues.push({ row, column: 'record', kind: 'malformed_row', text: malformed });
				b.push(row, { time: NaN, open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN });
				return;
			}
			if (t.issue !== null)
				b.issues.push({ row, column: 'time', kind: t.issue, text: fields[timeColumn] });
			const c = readNumberLenient(fields[column]);
			if (c.issue !== null)
				b.issues.push({ row, column: 'close', kind: c.issue, text: fields[column] });
			const v = c.value;
			b.push(row, { time: t.value, open: v, high: v, low: v, close: v, volume: NaN });
		});
		return null;
	});
	if (failure) return failure;
	if (names === null) return err('bad_input', 'empty file');
	if (rows === 0) return err('bad_input', 'header only: no data rows');
	const format = time.format;
	if (format !== null && format !== 'iso')
		warnings.push(`timestamps read as ${TIME_FORMAT_WORDS[format]} (UTC)`);
	warnings.push('one close column per symbol: open, high and low set to close; volume is NaN');
	return ok(symbols.map(({ name }, k) => builders[k].finish(name, 'row', false, [...warnings])));
}
