/**
 * Close location value, TTR `CLV`: where the close sits in the bar's range, −1 (at the low) to +1
 * (at the high); 0 when H = L (TTR's rule), NaN when an input is missing.
 */
export function clv(high: number, low: number, close: number): number {
	if (!(Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close))) return NaN;
	if (high === low) return 0;
	return (close - low - (high - close)) / (high - low);
}
