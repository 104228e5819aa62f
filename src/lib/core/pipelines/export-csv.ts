import type { FeatureTable } from './feature-table';

/**
 * The feature CSV: `time` (ISO 8601, UTC) then one column per feature/label. Values are written with
 * JavaScript's shortest round-trip form, so reading them back gives the same f64. "No value" is the
 * literal `NaN` (not an empty cell): warm-up rows stay visible in spreadsheets and pandas reads it
 * as NaN by default.
 *
 * @example
 * featureTableToCsv(table); // 'time,rsi_14\n2024-01-02T00:00:00.000Z,NaN\n…'
 */
export function featureTableToCsv(table: FeatureTable): string {
	const lines = [['time', ...table.names].join(',')];
	for (let i = 0; i < table.time.length; i++) {
		let line = new Date(table.time[i]).toISOString();
		for (const column of table.columns) line += `,${String(column[i])}`;
		lines.push(line);
	}
	return lines.join('\n') + '\n';
}
