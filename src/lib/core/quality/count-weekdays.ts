/** 1970-01-01, day 0 of the epoch, was a Thursday: with Sunday = 0, day d is weekday (d + 4) mod 7. */
const EPOCH_WEEKDAY = 4;

export const dayOfWeek = (day: number): number => (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;

/**
 * Counts Monday–Friday days in the UTC day range [from, to) (days since the epoch; empty when
 * `to <= from`): five per whole week plus the weekdays among the remaining days.
 *
 * @example
 * countWeekdays(19723, 19730); // 5 (any 7 consecutive days)
 */
export function countWeekdays(from: number, to: number): number {
	if (to <= from) return 0;
	const span = to - from;
	let count = Math.floor(span / 7) * 5;
	for (let d = from + span - (span % 7); d < to; d++) {
		const w = dayOfWeek(d);
		if (w !== 0 && w !== 6) count++;
	}
	return count;
}
