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

/** Collects bars one at a time into growable arrays; `finish` freezes them into a `RawBars`. */
export class RawBarsBuilder {
	readonly #origin: number[] = [];
	readonly #fields: Record<OhlcvField, number[]> = {
		time: [],
		open: [],
		high: [],
		low: [],
		close: [],
		volume: []
	};
	readonly issues: CellIssue[] = [];

	get length(): number {
		return this.#origin.length;
	}

	push(origin: number, bar: Record<OhlcvField, number>): void {
		this.#origin.push(origin);
		for (const f of Object.keys(this.#fields) as OhlcvField[]) this.#fields[f].push(bar[f]);
	}

	finish(
		symbol: string,
		originWord: RawBars['originWord'],
		hasVolume: boolean,
		warnings: string[]
	): RawBars {
		const f = this.#fields;
		return {
			symbol,
			time: Float64Array.from(f.time),
			open: Float64Array.from(f.open),
			high: Float64Array.from(f.high),
			low: Float64Array.from(f.low),
			close: Float64Array.from(f.close),
			volume: Float64Array.from(f.volume),
			origin: Int32Array.from(this.#origin),
			originWord,
			hasVolume,
			issues: this.issues,
			warnings
		};
	}
}
