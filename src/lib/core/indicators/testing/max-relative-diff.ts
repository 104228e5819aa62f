/**
 * Largest |a − b| / max(1, |b|) over positions where both are finite; Infinity when NaN positions
 * differ (a warm-up mismatch is a failure, not a rounding difference).
 */
export function maxRelativeDiff(a: ArrayLike<number>, b: ArrayLike<number>, from = 0): number {
	if (a.length !== b.length) return Infinity;
	let worst = 0;
	for (let i = from; i < a.length; i++) {
		const fa = Number.isFinite(a[i]);
		const fb = Number.isFinite(b[i]);
		if (fa !== fb) return Infinity;
		if (fa) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
	}
	return worst;
}
