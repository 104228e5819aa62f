import Papa from 'papaparse';
import { err, type Err } from '../result';
import { detectBinary } from './detect-binary';
import { detectDelimiter } from './detect-delimiter';

/**
 * Receives one CSV record: its fields, its row number (header = row 1, blank lines counted) and Papa
 * Parse's quote error for it, if any. Returning an error stops the read.
 */
export type CsvRecordVisitor = (
	fields: string[],
	row: number,
	quoteError: string | null
) => Err | null;

/**
 * Tokenizes a delimited text file (delimiter from `detectDelimiter`) record by record, after refusing
 * empty and binary files with the strict parser's messages. Returns the visitor's error, or `null`.
 *
 * @example
 * streamCsvRecords('a,b\n1,2\n', (fields, row) => (console.log(row, fields), null));
 */
export function streamCsvRecords(text: string, visit: CsvRecordVisitor): Err | null {
	if (text.trim() === '') return err('bad_input', 'empty file');
	const binary = detectBinary(text);
	if (binary !== null) {
		return err(
			'bad_input',
			`not a CSV text file (${binary}); is it compressed, binary or a spreadsheet? Export it as CSV`
		);
	}
	let failure: Err | null = null;
	let row = 0;
	Papa.parse<string[]>(text, {
		header: false,
		delimiter: detectDelimiter(text),
		dynamicTyping: false,
		skipEmptyLines: false,
		step: (step, parser) => {
			row++;
			const quotes = step.errors.find((e) => e.type === 'Quotes');
			failure = visit(step.data, row, quotes ? quotes.message : null);
			if (failure) parser.abort();
		}
	});
	return failure;
}
