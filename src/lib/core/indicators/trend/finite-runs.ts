/**
 * Rule 1 of `defineIndicator` for batch paths: a row with a non-finite input is NaN in every output
 * and restarts the state. Sets those rows of `outs` to NaN and returns the maximal stretches of rows
 * where every column is finite, as [start₀, end₀, start₁, end₁, …] (ends exclusive); a batch loop
 * starts fresh state at each start, as the stream does after a gap.
 *
 * Batch loops take these bounds as arguments of a top-level function rather than running in a
 * closure: arrays captured by a closure are reloaded from its context on every row.
 *
 * @example
 * const runs = finiteRuns([close], [out]);
 * for (let r = 0; r < runs.length; r += 2) fillRsi(close, out, runs[r], runs[r + 1], n);
 */
export function finiteRuns(
	columns: readonly Float64Array[],
	outs: readonly Float64Array[]
): Int32Array {
	const n = outs[0].length;
	if (allColumnsFinite(columns, n)) return Int32Array.of(0, n);
	let bounds: number[] | null = null;
	for (let i = 0; i < n; i++) {
		if (allFinite(columns, i)) continue;
		bounds ??= [0];
		bounds.push(i, i + 1);
		for (let j = 0; j < outs.length; j++) outs[j][i] = NaN;
	}
	if (bounds === null) return Int32Array.of(0, n);
	bounds.push(n);
	// Drop empty stretches (adjacent gaps, or a gap in the first or last row).
	const kept: number[] = [];
	for (let r = 0; r < bounds.length; r += 2) {
		if (bounds[r + 1] > bounds[r]) kept.push(bounds[r], bounds[r + 1]);
	}
	return Int32Array.from(kept);
}

function allFinite(columns: readonly Float64Array[], i: number): boolean {
	for (let c = 0; c < columns.length; c++) if (!Number.isFinite(columns[c][i])) return false;
	return true;
}

/** x · 0 is 0 for finite x and NaN otherwise, so one sum per column finds any gap (~1 ms per 1M). */
function allColumnsFinite(columns: readonly Float64Array[], n: number): boolean {
	for (const col of columns) {
		let acc = 0;
		for (let i = 0; i < n; i++) acc += col[i] * 0;
		if (acc !== 0) return false;
	}
	return true;
}
