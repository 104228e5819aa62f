/**
 * Maximum drawdown duration: the longest run of consecutive points of an equity curve strictly
 * below their running peak M_t = max_{s ≤ t} E_s, in bars — from the bar after a peak until the bar
 * that regains it, or the end if it never does (Magdon-Ismail & Atiya, "Maximum Drawdown", *Risk*
 * 17(10), 2004, discuss drawdown duration alongside depth).
 *
 * @example
 * maxDrawdownDuration(Float64Array.of(1, 1.5, 0.75, 1.2, 2, 1.8)); // 2 (bars 2 and 3 under 1.5)
 */
export function maxDrawdownDuration(equity: Float64Array): number {
	let peak = -Infinity;
	let run = 0;
	let longest = 0;
	for (const e of equity) {
		if (e >= peak) {
			peak = e;
			run = 0;
		} else if (++run > longest) longest = run;
	}
	return longest;
}
