import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseOhlcvCsv } from '../src/lib/core/data/parse-ohlcv-csv';
import type { OhlcvSeries } from '../src/lib/core/ohlcv';
import { err, ok, type Result } from '../src/lib/core/result';

/**
 * Reads a bar CSV into a series named after the file; `warnings` are the parser's notes. The error
 * message names the file and, for bad data, the row at fault.
 */
export async function readBars(
	path: string
): Promise<Result<{ series: OhlcvSeries; warnings: string[] }>> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		return err(
			'not_found',
			`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`
		);
	}
	const parsed = parseOhlcvCsv(text, { symbol: basename(path).replace(/\.[^.]*$/, '') });
	if (!parsed.ok) return err(parsed.code, `${path}: ${parsed.message}`);
	return ok({ series: parsed.value.series, warnings: [...parsed.value.warnings] });
}
