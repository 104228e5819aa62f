/** Throws a RangeError for a window that is not an integer ≥ `min` (a programming error, not input). */
export function assertWindow(name: string, size: number, min: number): void {
	if (!Number.isInteger(size) || size < min) {
		throw new RangeError(`${name} must be an integer ≥ ${min}; got ${size}`);
	}
}
