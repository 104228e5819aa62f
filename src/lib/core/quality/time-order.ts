import type { RawBars } from '../data/raw-bars';

/**
 * Indices of the bars with a finite time, sorted by time; bars with equal times stay in source order
 * (the sort is stable). Gaps and returns are measured in this order, whatever order the file is in.
 * A file already in time order (the usual case) is recognised in one pass and not sorted.
 */
export function timeOrder(raw: RawBars): number[] {
	const time = raw.time;
	const order: number[] = [];
	let sorted = true;
	let last = -Infinity;
	for (let i = 0; i < time.length; i++) {
		const t = time[i];
		if (t - t !== 0) continue; // not finite
		if (t < last) sorted = false;
		last = t;
		order.push(i);
	}
	return sorted ? order : order.sort((a, b) => time[a] - time[b]);
}
