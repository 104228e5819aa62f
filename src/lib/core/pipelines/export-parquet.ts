import { parquetWriteBuffer } from 'hyparquet-writer';
import type { FeatureTable } from './feature-table';

/**
 * The Parquet export: `time` as TIMESTAMP (ms, UTC) and one optional DOUBLE column per feature, with
 * "no value" as Parquet null (pandas reads it as NaN, polars as null). `warmup` and `labelCount` are
 * kept in the file's key-value metadata under `axon.warmup` and `axon.label_count`.
 */
export function featureTableToParquet(table: FeatureTable): ArrayBuffer {
	return parquetWriteBuffer({
		columnData: [
			{ name: 'time', data: Array.from(table.time, (t) => new Date(t)), type: 'TIMESTAMP' },
			...table.names.map((name, k) => ({
				name,
				data: Array.from(table.columns[k], (v) => (Number.isNaN(v) ? null : v)),
				type: 'DOUBLE' as const
			}))
		],
		kvMetadata: [
			{ key: 'axon.warmup', value: String(table.warmup) },
			{ key: 'axon.label_count', value: String(table.labelCount) }
		]
	});
}
