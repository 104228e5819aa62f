/**
 * The quality score of a stored dataset, recomputed from its columns (the stored series is the fixed
 * one, so this scores what is kept, not what was uploaded). Pure: the page calls it per dataset.
 */
import { assessQuality } from '$lib/core/quality';
import type { DatasetRecord } from '$lib/store/records';

export function qualityScoreOf(record: Pick<DatasetRecord, 'symbol' | 'columns'>): number {
	const c = record.columns;
	const n = c.close.length;
	return assessQuality({
		symbol: record.symbol,
		...c,
		origin: Int32Array.from({ length: n }, (_, i) => i),
		originWord: 'index',
		hasVolume: c.volume.some((v) => !Number.isNaN(v)),
		issues: [],
		warnings: []
	}).score;
}
