/**
 * Fixed-window counting, as a pure function so it can be tested without a Durable Object: at most
 * `limit` hits per `windowMs`; when over, `retryAfterSeconds` says when the window resets.
 *
 * @example
 * let w = null;
 * ({ window: w } = countHit(w, 0, 2, 60_000)); // allowed
 */
export interface WindowState {
	start: number;
	count: number;
}

export interface HitResult {
	window: WindowState;
	allowed: boolean;
	remaining: number;
	retryAfterSeconds: number;
}

export function countHit(
	current: WindowState | null,
	nowMs: number,
	limit: number,
	windowMs: number
): HitResult {
	const start = Math.floor(nowMs / windowMs) * windowMs;
	const count = current && current.start === start ? current.count + 1 : 1;
	const allowed = count <= limit;
	return {
		window: { start, count },
		allowed,
		remaining: Math.max(0, limit - count),
		retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((start + windowMs - nowMs) / 1000))
	};
}
