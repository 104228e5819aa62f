import type { RawBars } from '../data/raw-bars';

/**
 * Bars whose time equals that of an earlier bar in source order (wherever the earlier one is), as
 * ascending indices; the first bar of each time is not listed. Bars without a finite time are never
 * duplicates.
 *
 * @example
 * findDuplicateTimes(raw); // [2] when bars 1 and 2 share a time
 */
export function findDuplicateTimes(raw: RawBars): number[] {
	const seen = new Set<number>();
	const duplicates: number[] = [];
	for (let i = 0; i < raw.time.length; i++) {
		const t = raw.time[i];
		if (!Number.isFinite(t)) continue;
		if (seen.has(t)) duplicates.push(i);
		else seen.add(t);
	}
	return duplicates;
}
