import type { OhlcvField } from '../ohlcv';

/** Why a cell could not be read as a value. */
export type CellIssueKind = 'empty' | 'not_a_number' | 'infinite' | 'not_a_time' | 'malformed_row';

/** One cell (or, for `malformed_row`, one whole record) the lenient readers could not read. */
export interface CellIssue {
	/** File row (header = row 1) or JSON array index, as `RawBars.originWord` says. */
	row: number;
	/** The field the cell was for; `record` when the whole record was unreadable. */
	column: OhlcvField | 'record';
	kind: CellIssueKind;
	/** The cell as written (for `malformed_row`, the reason). */
	text: string;
}

/**
 * Bars as a file wrote them, before any checking: one entry per data record, in file order, with NaN
 * (or ±Infinity) wherever a cell could not be read as a finite value. Duplicates, unordered times,
 * non-positive prices and OHLC contradictions are all kept, so `assessQuality` can report them and
 * `applyFixes` can resolve them in the open. Open, high and low equal close when the file has no such
 * column; volume is NaN when it has no volume column (`hasVolume: false`).
 */
export interface RawBars {
	symbol: string;
	time: Float64Array;
	open: Float64Array;
	high: Float64Array;
	low: Float64Array;
	close: Float64Array;
	volume: Float64Array;
	/** Where each bar came from: its file row (header = row 1) or its JSON array index. */
	origin: Int32Array;
	originWord: 'row' | 'index';
	hasVolume: boolean;
	/** Every cell that could not be read, in file order. */
	issues: CellIssue[];
	/** What the reader assumed: synthesised or ignored columns, how times were read. */
	warnings: string[];
}

/** `row 17` or `index 3`: how messages point at bar `i` of a raw series. */
export const originLabel = (raw: RawBars, i: number): string =>
	`${raw.originWord} ${raw.origin[i]}`;

const INITIAL_CAPACITY = 1024;

function grown<T extends Float64Array | Int32Array>(a: T, capacity: number): T {
	const b = new (a.constructor as new (n: number) => T)(capacity);
	b.set(a);
	return b;
}

/**
 * Collects bars one at a time straight into growable typed arrays (doubling, so a 1M-row file costs
 * ~20 copies, not 6M boxed array elements); `finish` trims them into a `RawBars`.
 */
export class RawBarsBuilder {
	#length = 0;
	#origin = new Int32Array(INITIAL_CAPACITY);
	#time = new Float64Array(INITIAL_CAPACITY);
	#open = new Float64Array(INITIAL_CAPACITY);
	#high = new Float64Array(INITIAL_CAPACITY);
	#low = new Float64Array(INITIAL_CAPACITY);
	#close = new Float64Array(INITIAL_CAPACITY);
	#volume = new Float64Array(INITIAL_CAPACITY);
	readonly issues: CellIssue[] = [];

	get length(): number {
		return this.#length;
	}

	push(origin: number, bar: Record<OhlcvField, number>): void {
		this.pushBar(origin, bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume);
	}

	/** `push` without the bar object, for readers that go row by row. */
	pushBar(
		origin: number,
		time: number,
		open: number,
		high: number,
		low: number,
		close: number,
		volume: number
	): void {
		const i = this.#length;
		if (i === this.#time.length) this.#grow(2 * i);
		this.#origin[i] = origin;
		this.#time[i] = time;
		this.#open[i] = open;
		this.#high[i] = high;
		this.#low[i] = low;
		this.#close[i] = close;
		this.#volume[i] = volume;
		this.#length = i + 1;
	}

	finish(
		symbol: string,
		originWord: RawBars['originWord'],
		hasVolume: boolean,
		warnings: string[]
	): RawBars {
		const n = this.#length;
		return {
			symbol,
			time: this.#time.slice(0, n),
			open: this.#open.slice(0, n),
			high: this.#high.slice(0, n),
			low: this.#low.slice(0, n),
			close: this.#close.slice(0, n),
			volume: this.#volume.slice(0, n),
			origin: this.#origin.slice(0, n),
			originWord,
			hasVolume,
			issues: this.issues,
			warnings
		};
	}

	#grow(capacity: number): void {
		this.#origin = grown(this.#origin, capacity);
		this.#time = grown(this.#time, capacity);
		this.#open = grown(this.#open, capacity);
		this.#high = grown(this.#high, capacity);
		this.#low = grown(this.#low, capacity);
		this.#close = grown(this.#close, capacity);
		this.#volume = grown(this.#volume, capacity);
	}
}
