import type { RawBars } from '../data/raw-bars';

/**
 * Bars with zero volume (no trades: often a holiday or stale quote) and with negative volume
 * (impossible), as ascending indices. Empty when the source has no volume column.
 *
 * @example
 * findVolumeProblems(raw); // { zero: [7], negative: [] }
 */
export function findVolumeProblems(raw: RawBars): { zero: number[]; negative: number[] } {
	const zero: number[] = [];
	const negative: number[] = [];
	if (!raw.hasVolume) return { zero, negative };
	for (let i = 0; i < raw.volume.length; i++) {
		if (raw.volume[i] === 0) zero.push(i);
		else if (raw.volume[i] < 0) negative.push(i);
	}
	return { zero, negative };
}
