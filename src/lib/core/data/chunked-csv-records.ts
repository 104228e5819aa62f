import { err, type Err } from '../result';
import { detectBinary } from './detect-binary';
import { detectDelimiter } from './detect-delimiter';
import { hasOpenQuote, splitCsvLine } from './split-csv-line';
import type { CsvRecordVisitor } from './stream-csv-records';

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
	#delimiter: string | null = null;
	#carry = '';
	/** A record whose quotes are still open at the last newline. */
	#pending: string | null = null;
	#row = 0;
	#sawText = false;
	#failure: Err | null = null;

	constructor(visit: CsvRecordVisitor) {
		this.#visit = visit;
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
		for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
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
		const { fields, quoteError } = splitCsvLine(line, this.#delimiter!);
		this.#failure = this.#visit(fields, this.#row, quoteError);
		return this.#failure !== null;
	}
}
