/**
 * Workgroup counts for `threads` invocations of a 1-D kernel, folded into 2-D when one dimension
 * would exceed the device's `maxComputeWorkgroupsPerDimension`. Kernels recover the flat index with
 * `flat_index` and bounds-check it.
 *
 * @example
 * dispatchSize(5_000_000, 64, 65_535); // [65535, 2]
 */
export function dispatchSize(
	threads: number,
	workgroupSize: number,
	maxPerDimension: number
): [number, number] {
	const groups = Math.ceil(threads / workgroupSize);
	if (groups <= maxPerDimension) return [Math.max(groups, 1), 1];
	const y = Math.ceil(groups / maxPerDimension);
	if (y > maxPerDimension)
		throw new RangeError(`${threads} threads exceed the device's dispatch limits`);
	return [maxPerDimension, y];
}
