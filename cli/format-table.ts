/**
 * Rows of cells as an aligned plain-text table: the first column left-aligned, the others right.
 *
 * @example
 * formatTable([['metric', 'value'], ['Sharpe', '0.41']]); // 'metric  value\nSharpe   0.41\n'
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
	const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => row[k].length)));
	return rows
		.map((row) =>
			row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  ')
		)
		.join('\n')
		.concat('\n');
}

/** A fraction as a percentage with two decimals; null or NaN (undefined) as "n/a". */
export const formatPercent = (x: number | null): string =>
	x === null || Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(2)}%`;

/** A ratio with `digits` decimals; null or NaN (undefined) as "n/a". */
export const formatFixed = (x: number | null, digits = 2): string =>
	x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(digits);
