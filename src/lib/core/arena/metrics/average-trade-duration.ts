/**
 * Average trade duration in bars: mean of exitBar − entryBar over the trades (a trade opened and
 * closed on the same bar lasts 0 bars).
 *
 * @returns null without trades.
 * @example
 * averageTradeDuration(Int32Array.of(0, 10), Int32Array.of(4, 12), 2); // 3
 */
export function averageTradeDuration(
	entryBar: Int32Array,
	exitBar: Int32Array,
	count: number
): number | null {
	if (count === 0) return null;
	let sum = 0;
	for (let k = 0; k < count; k++) sum += exitBar[k] - entryBar[k];
	return sum / count;
}
