import type { FeatureTable } from './feature-table';

/** The JSON export: columnar, time in ms since the epoch, "no value" as `null` (JSON has no NaN). */
export interface FeatureTableJson {
	format: 'axon-features';
	version: 1;
	warmup: number;
	labelCount: number;
	time: number[];
	columns: Record<string, (number | null)[]>;
}

const toJsonNumber = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * @example
 * JSON.stringify(featureTableToJson(table)); // {"format":"axon-features",…,"columns":{"rsi_14":[null,…]}}
 */
export function featureTableToJson(table: FeatureTable): FeatureTableJson {
	return {
		format: 'axon-features',
		version: 1,
		warmup: table.warmup,
		labelCount: table.labelCount,
		time: Array.from(table.time),
		columns: Object.fromEntries(
			table.names.map((name, k) => [name, Array.from(table.columns[k], toJsonNumber)])
		)
	};
}
