import { z } from 'zod';
import type { OhlcvField } from '../ohlcv';
import { err, ok, type Result } from '../result';
import { LenientTimeReader, TIME_FORMAT_WORDS } from './lenient-time-reader';
import { barHeaderWarnings, matchBarHeader } from './match-bar-header';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import { RawBarsBuilder, type RawBars } from './raw-bars';
import { readNumberLenient } from './read-number-lenient';

export interface ReadBarsJsonOptions {
	symbol: string;
	/** Files with more bars are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
}

const CELL_WORDS = 'a number, a numeric string or null';
const Cell = z.union([z.number(), z.string(), z.null()], { error: `expected ${CELL_WORDS}` });
const BarArray = z.array(
	z.record(z.string(), Cell, {
		error: 'expected a bar object like { "time": "2024-01-02", "close": 101.5 }'
	})
);
const Columns = z.record(z.string(), z.array(Cell, { error: 'expected an array of values' }));
type CellValue = z.infer<typeof Cell>;

const SHAPE_WORDS =
	'an array of bar objects ([{ "time": …, "close": … }, …]) or an object of columns ({ "time": […], "close": […] })';

/** `index 3, key "close": expected …` from the first zod issue. */
function shapeError(error: z.ZodError, columnar: boolean): string {
	const issue = error.issues[0];
	const [first, second] = issue.path;
	const where = columnar
		? `key "${String(first)}"${second === undefined ? '' : `, index ${String(second)}`}`
		: `index ${String(first)}${second === undefined ? '' : `, key "${String(second)}"`}`;
	return `${where}: ${issue.message}`;
}

/**
 * Reads bars from JSON, leniently as `readBarsLenient` reads CSV: every bar is kept, with NaN and a
 * `CellIssue` where a value is unreadable. Two layouts, with the CSV header spellings as keys (`time`/
 * `date`/`timestamp`/`datetime`, `open`, `high`, `low`, `close` or `adj close`, `volume`/`vol`):
 *
 * - an array of bar objects: `[{ "date": "2024-01-02", "close": 101.5 }, …]` (keys may vary between
 *   objects; a missing key reads as an empty cell);
 * - columnar: `{ "time": [...], "close": [...] }`, all arrays the same length.
 *
 * Values are numbers, numeric strings or null; times are anything `readBarsLenient` accepts, JSON
 * numbers included (epoch seconds or milliseconds, `YYYYMMDD`). Bars are numbered by array index from
 * 0 (`originWord: 'index'`). The shape is validated with zod: malformed JSON, a wrong layout, a value
 * of the wrong type or columns of unequal length are hard errors naming the index and key.
 *
 * @example
 * const r = readBarsJson('{"time":[1704153600],"close":[1.5]}', { symbol: 'X' });
 * if (r.ok) r.value.close; // Float64Array [1.5]
 */
export function readBarsJson(text: string, opts: ReadBarsJsonOptions): Result<RawBars> {
	const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
	if (text.trim() === '') return err('bad_input', 'empty file');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return err('bad_input', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
	}
	let keys: string[];
	let n: number;
	let value: (i: number, key: string) => CellValue | undefined;
	if (Array.isArray(json)) {
		const parsed = BarArray.safeParse(json);
		if (!parsed.success) return err('bad_input', shapeError(parsed.error, false));
		const bars = parsed.data;
		keys = [...new Set(bars.flatMap((b) => Object.keys(b)))];
		n = bars.length;
		value = (i, key) => (Object.hasOwn(bars[i], key) ? bars[i][key] : undefined);
	} else if (typeof json === 'object' && json !== null) {
		const parsed = Columns.safeParse(json);
		if (!parsed.success) return err('bad_input', shapeError(parsed.error, true));
		const columns = parsed.data;
		keys = Object.keys(columns);
		n = keys.length === 0 ? 0 : columns[keys[0]].length;
		const uneven = keys.find((k) => columns[k].length !== n);
		if (uneven !== undefined) {
			return err(
				'bad_input',
				`key "${uneven}" has ${columns[uneven].length} values, but "${keys[0]}" has ${n}: columns must be the same length`
			);
		}
		value = (i, key) => columns[key][i];
	} else {
		return err('bad_input', `expected ${SHAPE_WORDS}; got ${json === null ? 'null' : typeof json}`);
	}
	const header = matchBarHeader(keys);
	if (!header.ok) return header;
	if (n === 0) return err('bad_input', 'no bars');
	if (n > maxRows)
		return err('too_large', `too many bars: ${n}, more than ${maxRows} (the limit)`, { maxRows });

	const { map, closeColumn } = header.value;
	const timeReader = new LenientTimeReader();
	const builder = new RawBarsBuilder();
	for (let i = 0; i < n; i++) {
		const cell = (column: OhlcvField, key: string): number => {
			const v = value(i, key);
			const text = v === null || v === undefined ? '' : String(v);
			const r = column === 'time' ? timeReader.read(text) : readNumberLenient(text);
			if (r.issue !== null) builder.issues.push({ row: i, column, kind: r.issue, text });
			return r.value;
		};
		const time = cell('time', keys[map.time]);
		const close = cell('close', keys[closeColumn]);
		const open = map.open < 0 ? close : cell('open', keys[map.open]);
		const high = map.high < 0 ? close : cell('high', keys[map.high]);
		const low = map.low < 0 ? close : cell('low', keys[map.low]);
		const volume = map.volume < 0 ? NaN : cell('volume', keys[map.volume]);
		builder.push(i, { time, open, high, low, close, volume });
	}
	// The CSV wording, with JSON's word for a column.
	const warnings = barHeaderWarnings(header.value).map((w) => w.replaceAll('column', 'key'));
	const format = timeReader.format;
	if (format !== null && format !== 'iso')
		warnings.push(`timestamps read as ${TIME_FORMAT_WORDS[format]} (UTC)`);
	return ok(builder.finish(opts.symbol, 'index', map.volume >= 0, warnings));
}
