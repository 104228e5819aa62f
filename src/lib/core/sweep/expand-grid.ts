/** One combination of a grid: a value for every parameter. */
export type GridPoint<K extends string = string> = { [P in K]: number };

/**
 * Every combination of the values in `grid` (the Cartesian product), in row-major order: the last
 * key varies fastest, as in Python's `itertools.product` and vectorbt's parameter grids. A key with
 * no values gives no combinations; an empty grid gives one empty combination.
 *
 * @throws RangeError on a non-finite value (a NaN parameter would silently name no strategy).
 * @example
 * expandGrid({ fast: [5, 10], slow: [50, 100] });
 * // [{ fast: 5, slow: 50 }, { fast: 5, slow: 100 }, { fast: 10, slow: 50 }, { fast: 10, slow: 100 }]
 */
export function expandGrid<K extends string>(grid: {
	readonly [P in K]: readonly number[];
}): GridPoint<K>[] {
	const keys = Object.keys(grid) as K[];
	for (const key of keys) {
		for (const v of grid[key]) {
			if (!Number.isFinite(v)) throw new RangeError(`expandGrid: ${key} has value ${v}`);
		}
	}
	let points: Partial<GridPoint<K>>[] = [{}];
	for (const key of keys) {
		const next: Partial<GridPoint<K>>[] = [];
		for (const point of points) for (const v of grid[key]) next.push({ ...point, [key]: v });
		points = next;
	}
	return points as GridPoint<K>[];
}
