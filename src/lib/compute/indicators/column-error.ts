/**
 * How far a GPU column is from its f64 CPU twin, on the scale the tolerance table uses:
 * max |gpu − cpu| / max |cpu| over the column (rows finite in both). f32 rounding is absolute on the
 * scale of a column's values — a price-level EMA carries ulp(price) wherever it crosses zero in a
 * difference such as MACD — so errors are measured against the column's largest magnitude rather
 * than each value. NaN positions must match exactly: a warm-up or a data-dependent NaN that differs
 * is a wrong answer, not rounding.
 */
export interface ColumnError {
	/** max |gpu − cpu| / max |cpu| (0 for an all-zero or all-NaN column). */
	scaled: number;
	/** Rows where exactly one of the two is NaN. */
	nanMismatches: number;
	/** The first such row, or −1. */
	firstNanMismatch: number;
}

export function columnError(gpu: ArrayLike<number>, cpu: ArrayLike<number>): ColumnError {
	let worst = 0;
	let scale = 0;
	let nanMismatches = 0;
	let firstNanMismatch = -1;
	for (let t = 0; t < cpu.length; t++) {
		const g = Number.isFinite(gpu[t]);
		const c = Number.isFinite(cpu[t]);
		if (g !== c) {
			nanMismatches++;
			if (firstNanMismatch < 0) firstNanMismatch = t;
		} else if (c) {
			worst = Math.max(worst, Math.abs(gpu[t] - cpu[t]));
			scale = Math.max(scale, Math.abs(cpu[t]));
		}
	}
	return { scaled: scale === 0 ? worst : worst / scale, nanMismatches, firstNanMismatch };
}
