import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { err, ok, type Result } from '../result';
import type { FeatureTableJson } from './export-json';
import type { FeatureTable } from './feature-table';

/**
 * Reads a feature CSV written by `featureTableToCsv` back into columns (`NaN` or an empty cell is
 * NaN). `warmup` and `labelCount` are not in a CSV; pass them if known. Errors name the row (header =
 * row 1) and the column.
 */
export function featureTableFromCsv(
	text: string,
	meta: { warmup?: number; labelCount?: number } = {}
): Result<FeatureTable> {
	const lines = text.split(/\r?\n/).filter((l) => l !== '');
	if (lines.length === 0) return err('bad_input', 'empty file');
	const [first, ...names] = lines[0].split(',');
	if (first !== 'time')
		return err('bad_input', `row 1: the first column must be "time", got "${first}"`);
	const n = lines.length - 1;
	const time = new Float64Array(n);
	const columns = names.map(() => new Float64Array(n));
	for (let i = 0; i < n; i++) {
		const cells = lines[i + 1].split(',');
		if (cells.length !== names.length + 1)
			return err(
				'bad_input',
				`row ${i + 2}: ${cells.length} fields, but the header has ${names.length + 1}`
			);
		time[i] = Date.parse(cells[0]);
		if (Number.isNaN(time[i]))
			return err('bad_input', `row ${i + 2}, column time: "${cells[0]}" is not a time`);
		for (let k = 0; k < names.length; k++) {
			const cell = cells[k + 1];
			const v = cell === '' || cell === 'NaN' ? NaN : Number(cell);
			if (Number.isNaN(v) && cell !== '' && cell !== 'NaN')
				return err('bad_input', `row ${i + 2}, column ${names[k]}: "${cell}" is not a number`);
			columns[k][i] = v;
		}
	}
	return ok({ time, names, columns, warmup: meta.warmup ?? 0, labelCount: meta.labelCount ?? 0 });
}

/** Reads the JSON export back (`null` → NaN). */
export function featureTableFromJson(json: FeatureTableJson): FeatureTable {
	const names = Object.keys(json.columns);
	return {
		time: Float64Array.from(json.time),
		names,
		columns: names.map((name) => Float64Array.from(json.columns[name], (v) => v ?? NaN)),
		warmup: json.warmup,
		labelCount: json.labelCount
	};
}

/** Reads the Parquet export back (null → NaN), with `warmup`/`labelCount` from its metadata. */
export async function featureTableFromParquet(bytes: ArrayBuffer): Promise<FeatureTable> {
	const metadata = parquetMetadata(bytes);
	const kv = new Map((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
	const names = metadata.schema
		.slice(1)
		.map((s) => s.name)
		.filter((name) => name !== 'time');
	const rows = await parquetReadObjects({ file: bytes, metadata });
	const number = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
	return {
		time: Float64Array.from(rows, (r) =>
			r.time instanceof Date ? r.time.getTime() : number(r.time)
		),
		names,
		columns: names.map((name) => Float64Array.from(rows, (r) => number(r[name]))),
		warmup: Number(kv.get('axon.warmup') ?? 0),
		labelCount: Number(kv.get('axon.label_count') ?? 0)
	};
}
