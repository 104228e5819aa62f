import type { RawBars } from '../data/raw-bars';
import { OHLCV_FIELDS, type OhlcvField } from '../ohlcv';

export interface InvalidCells {
	/** Bars with at least one non-finite cell, ascending indices. */
	bars: number[];
	/** Non-finite cells in all. */
	cells: number;
	/**
	 * Per column: `nan` for NaN (an empty, unparseable or `NaN` cell), `infinite` for ±Infinity. Volume
	 * counts only when the source has a volume column (otherwise it is NaN by design).
	 */
	byColumn: Record<OhlcvField, { nan: number; infinite: number }>;
}

/**
 * Cells that are not finite numbers, by column. What the cell said and why it failed is in
 * `raw.issues` (for bars that came from a reader).
 *
 * @example
 * findInvalidCells(raw).byColumn.close; // { nan: 2, infinite: 0 }
 */
export function findInvalidCells(raw: RawBars): InvalidCells {
	const fields = OHLCV_FIELDS.filter((f) => f !== 'volume' || raw.hasVolume);
	const byColumn = Object.fromEntries(
		OHLCV_FIELDS.map((f) => [f, { nan: 0, infinite: 0 }])
	) as InvalidCells['byColumn'];
	const found: InvalidCells = { bars: [], cells: 0, byColumn };
	const columns = fields.map((f) => raw[f]);
	const counts = fields.map((f) => byColumn[f]);
	for (let i = 0; i < raw.time.length; i++) {
		let bad = false;
		for (let k = 0; k < columns.length; k++) {
			const x = columns[k][i];
			if (x - x === 0) continue; // finite
			bad = true;
			found.cells++;
			if (Number.isNaN(x)) counts[k].nan++;
			else counts[k].infinite++;
		}
		if (bad) found.bars.push(i);
	}
	return found;
}
