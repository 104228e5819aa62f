import type { RawBars } from '../data/raw-bars';

export interface OhlcInconsistencies {
	/** Bars with any of the problems below, ascending indices. */
	bars: number[];
	highBelowLow: number;
	openOutside: number;
	closeOutside: number;
}

/**
 * Bars whose prices contradict each other: high below low, or open or close outside [low, high].
 * Only bars whose four prices are all finite are checked (the others are invalid cells). A bar can
 * have several problems; each is counted.
 *
 * @example
 * findOhlcInconsistencies(raw).highBelowLow; // 1 for a bar with high 9, low 10
 */
export function findOhlcInconsistencies(raw: RawBars): OhlcInconsistencies {
	const found: OhlcInconsistencies = { bars: [], highBelowLow: 0, openOutside: 0, closeOutside: 0 };
	const { open, high, low, close } = raw;
	for (let i = 0; i < raw.time.length; i++) {
		const o = open[i];
		const h = high[i];
		const l = low[i];
		const c = close[i];
		if (o - o !== 0 || h - h !== 0 || l - l !== 0 || c - c !== 0) continue; // not all finite
		const highBelowLow = h < l;
		const openOutside = o < l || o > h;
		const closeOutside = c < l || c > h;
		if (highBelowLow) found.highBelowLow++;
		if (openOutside) found.openOutside++;
		if (closeOutside) found.closeOutside++;
		if (highBelowLow || openOutside || closeOutside) found.bars.push(i);
	}
	return found;
}
