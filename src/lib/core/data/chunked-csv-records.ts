import { err, type Err } from '../result';
import { detectBinary } from './detect-binary';
import { detectDelimiter } from './detect-delimiter';
import { hasOpenQuote, splitCsvLine } from './split-csv-line';
import type { CsvRecordVisitor } from './stream-csv-records';

const CR = 13;

/**
 * Reads one record without quotes straight from `text[start, end)` (its line ending excluded), or
 * returns `false` to have it split into fields and given to the `CsvRecordVisitor` instead. Rows are
 * numbered as for the visitor.
 */
export type CsvRangeVisitor = (
	text: string,
	start: number,
	end: number,
	row: number,
	delimiter: string
) => Err | null | false;

/**
 * A CSV tokenizer fed text chunk by chunk (from `Blob.stream()` through a `TextDecoder`), so a file is
 * never held as one string. Same contract as `streamCsvRecords` (rows numbered from the header = 1,
 * blank lines counted, delimiter and binary check from the first chunk, same empty-file message), so
 * `LenientBarReader` reads either path identically. A quoted field may span chunks and lines.
 *
 * @example
 * const t = new ChunkedCsvRecords(visit);
 * for await (const chunk of chunks) if (t.push(chunk)) break;
 * const failure = t.end();
 */
export class ChunkedCsvRecords {
	readonly #visit: CsvRecordVisitor;
	readonly #visitRange: CsvRangeVisitor | null;
	#delimiter: string | null = null;
	#carry = '';
	/** A record whose quotes are still open at the last newline. */
	#pending: string | null = null;
	#row = 0;
	#sawText = false;
	#failure: Err | null = null;

	/**
	 * `visitRange`, when given, is offered each quote-free record first, as a range of the chunk text,
	 * before any line or field string is made; where it returns `false`, `visit` gets the fields.
	 */
	constructor(visit: CsvRecordVisitor, visitRange: CsvRangeVisitor | null = null) {
		this.#visit = visit;
		this.#visitRange = visitRange;
	}

	/** Feeds the next chunk; returns the error that stopped the read, if any. */
	push(chunk: string): Err | null {
		if (this.#failure) return this.#failure;
		if (this.#delimiter === null) {
			const head = this.#carry + chunk;
			if (head.trim() === '') {
				this.#carry = head;
				return null;
			}
			const binary = detectBinary(head);
			if (binary !== null) {
				return (this.#failure = err(
					'bad_input',
					`not a CSV text file (${binary}); is it compressed, binary or a spreadsheet? Export it as CSV`
				));
			}
			this.#sawText = true;
			// The header line must be whole before the delimiter can be read from it.
			if (!head.includes('\n')) {
				this.#carry = head;
				return null;
			}
			this.#delimiter = detectDelimiter(head);
			this.#carry = '';
			chunk = head;
		}
		const text = this.#carry + chunk;
		let start = 0;
		let quote = text.indexOf('"');
		for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
			if (quote >= 0 && quote < start) quote = text.indexOf('"', start);
			if (this.#visitRange !== null && this.#pending === null && (quote < 0 || quote > nl)) {
				const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
				const r = this.#visitRange(text, start, end, this.#row + 1, this.#delimiter!);
				if (r !== false) {
					this.#row++;
					if ((this.#failure = r) !== null) return r;
					start = nl + 1;
					continue;
				}
			}
			if (this.#line(text.slice(start, nl))) return this.#failure;
			start = nl + 1;
		}
		this.#carry = text.slice(start);
		return null;
	}

	/** Ends the input: the last record without a newline, and the empty-file check. */
	end(): Err | null {
		if (this.#failure) return this.#failure;
		if (!this.#sawText) return err('bad_input', 'empty file');
		if (this.#delimiter === null) this.#delimiter = detectDelimiter(this.#carry);
		const last = this.#pending === null ? this.#carry : `${this.#pending}\n${this.#carry}`;
		this.#pending = null;
		this.#carry = '';
		if (last !== '' && this.#emit(last)) return this.#failure;
		return null;
	}

	/** One physical line: a record, or part of one whose quoted field runs on past the newline. */
	#line(line: string): boolean {
		const record = this.#pending === null ? line : `${this.#pending}\n${line}`;
		if (record.includes('"') && hasOpenQuote(record)) {
			this.#pending = record;
			return false;
		}
		this.#pending = null;
		return this.#emit(record);
	}

	#emit(record: string): boolean {
		this.#row++;
		const line = record.endsWith('\r') ? record.slice(0, -1) : record;
		if (!line.includes('"')) {
			// splitCsvLine's fast path, without its result object (one per row).
			this.#failure = this.#visit(line.split(this.#delimiter!), this.#row, null);
		} else {
			const { fields, quoteError } = splitCsvLine(line, this.#delimiter!);
			this.#failure = this.#visit(fields, this.#row, quoteError);
		}
		return this.#failure !== null;
	}
}
