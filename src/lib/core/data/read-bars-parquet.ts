import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { err, type Result } from '../result';
import { LenientBarReader } from './lenient-bar-reader';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import type { RawBars } from './raw-bars';

export interface ReadBarsParquetOptions {
	symbol: string;
	maxRows?: number;
}

/** A Parquet value as the CSV reader would have seen it written: timestamps in ISO 8601, UTC. */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
	return String(v);
}

/**
 * Reads bars from a Parquet file (hyparquet, pure JS): the same column names, time formats and
 * symbol column as the CSV readers, because each row is handed to `LenientBarReader` as text cells.
 * TIMESTAMP/DATE columns arrive as `Date`s, INT64 as bigint; both read exactly. Rows are numbered
 * as a CSV would number them (header = row 1), so quality findings point at row k + 2 for index k.
 *
 * @example
 * const r = await readBarsParquet(await file.arrayBuffer(), { symbol: 'SPY' });
 */
export async function readBarsParquet(
	bytes: ArrayBuffer,
	opts: ReadBarsParquetOptions
): Promise<Result<RawBars[]>> {
	let names: string[];
	let rows: Record<string, unknown>[];
	try {
		const metadata = parquetMetadata(bytes);
		// Top-level columns only: nested groups are not bar data.
		names = metadata.schema
			.slice(1)
			.filter((s) => s.num_children === undefined || s.num_children === 0)
			.map((s) => s.name);
		const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
		if (Number(metadata.num_rows) > maxRows)
			return err(
				'too_large',
				`too many rows: ${Number(metadata.num_rows)}, more than ${maxRows} (the limit)`
			);
		rows = await parquetReadObjects({ file: bytes, metadata, columns: names });
	} catch (e) {
		return err(
			'bad_input',
			`not a readable Parquet file: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	const reader = new LenientBarReader(opts.maxRows ?? DEFAULT_MAX_ROWS, 'auto');
	const header = reader.accept(names, 1, null);
	if (header) return header;
	for (let i = 0; i < rows.length; i++) {
		const failure = reader.accept(
			names.map((name) => cellText(rows[i][name])),
			i + 2,
			null
		);
		if (failure) return failure;
	}
	return reader.finish(opts.symbol);
}
