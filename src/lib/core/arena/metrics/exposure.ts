/**
 * Exposure (time in market): the fraction of bars that end with a position, #{units_t ≠ 0} / n.
 *
 * @returns null for no bars.
 * @example
 * exposure(Float64Array.of(0, 1, -2, 0)); // 0.5
 */
export function exposure(units: Float64Array): number | null {
	if (units.length === 0) return null;
	let held = 0;
	for (const u of units) if (u !== 0) held++;
	return held / units.length;
}
