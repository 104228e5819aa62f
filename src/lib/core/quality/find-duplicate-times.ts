import type { RawBars } from '../data/raw-bars';
import { timeOrder } from './time-order';

/**
 * Bars whose time equals that of an earlier bar in source order (wherever the earlier one is), as
 * ascending indices; the first bar of each time is not listed. Bars without a finite time are never
 * duplicates. `order` is `timeOrder(raw)` when the caller has it: equal times are adjacent there, the
 * first in source order leading (the sort is stable), so one pass finds them without a hash set.
 *
 * @example
 * findDuplicateTimes(raw); // [2] when bars 1 and 2 share a time
 */
export function findDuplicateTimes(
	raw: RawBars,
	order: readonly number[] = timeOrder(raw)
): number[] {
	const time = raw.time;
	const duplicates: number[] = [];
	for (let k = 1; k < order.length; k++)
		if (time[order[k]] === time[order[k - 1]]) duplicates.push(order[k]);
	return isAscending(duplicates) ? duplicates : duplicates.sort((a, b) => a - b);
}

function isAscending(xs: readonly number[]): boolean {
	for (let k = 1; k < xs.length; k++) if (xs[k] < xs[k - 1]) return false;
	return true;
}
