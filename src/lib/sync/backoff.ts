/**
 * Retry delay after `attempts` consecutive failures: exponential from `baseMs`, capped, with "full
 * jitter" (a uniform draw below the cap) so many tabs that failed together do not retry together.
 * See AWS Architecture Blog, "Exponential Backoff and Jitter" (2015).
 *
 * @example
 * backoffMs(3, () => 0.5); // 0.5 · min(60 000, 1 000 · 2³) = 4 000
 */
export function backoffMs(
	attempts: number,
	random: () => number = Math.random,
	baseMs = 1_000,
	capMs = 60_000
): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts));
	return Math.floor(random() * ceiling);
}
