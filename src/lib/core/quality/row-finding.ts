import type { RawBars } from '../data/raw-bars';

/** How many rows a report lists for each finding; `count` always gives the total. */
export const LISTED_ROWS = 20;

/** A finding that affects whole bars: how many, and the first few as file rows (or JSON indices). */
export interface RowFinding {
	count: number;
	/** The first `LISTED_ROWS` affected bars, by their row (header = row 1) or index in the source. */
	rows: number[];
}

/** Summarises bar indices (into `raw`'s arrays, ascending) as a `RowFinding`. */
export const rowFinding = (raw: RawBars, indices: readonly number[]): RowFinding => ({
	count: indices.length,
	rows: indices.slice(0, LISTED_ROWS).map((i) => raw.origin[i])
});
