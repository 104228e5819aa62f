import type { FeatureTable } from './feature-table';

export interface PreviewRow {
	index: number;
	time: number;
	values: number[];
	/** True for rows inside the warm-up (some feature is NaN by construction). */
	warmup: boolean;
}

/**
 * The first `head` and last `tail` rows of a table, for the designer's preview: enough to see the
 * warm-up NaNs at the top and the label NaNs at the bottom.
 */
export function previewRows(table: FeatureTable, head = 5, tail = 5): PreviewRow[] {
	const n = table.time.length;
	const indices = [
		...Array.from({ length: Math.min(head, n) }, (_, i) => i),
		...Array.from({ length: Math.min(tail, n) }, (_, i) => n - Math.min(tail, n) + i)
	].filter((v, i, all) => all.indexOf(v) === i);
	return indices.map((i) => ({
		index: i,
		time: table.time[i],
		values: table.columns.map((c) => c[i]),
		warmup: i < table.warmup
	}));
}
