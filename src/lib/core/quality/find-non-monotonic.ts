import type { RawBars } from '../data/raw-bars';

/**
 * Bars that go back in time: their time is earlier than the latest time of any bar before them in
 * source order, as ascending indices. (Equal times are duplicates, not listed here.) A newest-first
 * file lists every bar but the first.
 *
 * @example
 * findNonMonotonic(raw); // [3] for times 1, 2, 4, 3, 5
 */
export function findNonMonotonic(raw: RawBars): number[] {
	let latest = -Infinity;
	const found: number[] = [];
	for (let i = 0; i < raw.time.length; i++) {
		const t = raw.time[i];
		if (!Number.isFinite(t)) continue;
		if (t < latest) found.push(i);
		else latest = t;
	}
	return found;
}
