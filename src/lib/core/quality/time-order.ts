import type { RawBars } from '../data/raw-bars';

/**
 * Indices of the bars with a finite time, sorted by time; bars with equal times stay in source order
 * (the sort is stable). Gaps and returns are measured in this order, whatever order the file is in.
 */
export function timeOrder(raw: RawBars): number[] {
	const order: number[] = [];
	for (let i = 0; i < raw.time.length; i++) if (Number.isFinite(raw.time[i])) order.push(i);
	return order.sort((a, b) => raw.time[a] - raw.time[b]);
}
