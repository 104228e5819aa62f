import type { FeatureMatrix } from '../src/lib/core/features';

const DAY_MS = 86_400_000;

/** `2024-01-31` for a bar at UTC midnight (daily data), else the full ISO 8601 instant. */
export function formatTimestamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/**
 * The feature CSV: a `timestamp` column then one column per feature, one row per bar. NaN (warm-up,
 * missing) is an empty cell. Values are written with 9 significant digits, enough to read back the
 * exact f32 that was computed.
 *
 * @example
 * formatFeatureCsv(time, matrix); // 'timestamp,log_return\n2024-01-02,\n2024-01-03,0.00490196…\n'
 */
export function formatFeatureCsv(time: Float64Array, matrix: FeatureMatrix): string {
	const lines = [['timestamp', ...matrix.names].join(',')];
	for (let i = 0; i < matrix.length; i++) {
		let line = formatTimestamp(time[i]);
		for (const column of matrix.columns) {
			const v = column[i];
			line += Number.isNaN(v) ? ',' : `,${Number(v.toPrecision(9))}`;
		}
		lines.push(line);
	}
	return lines.join('\n') + '\n';
}
