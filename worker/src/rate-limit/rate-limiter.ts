/**
 * RateLimiter Durable Object: one instance per key (e.g. `sign-in:203.0.113.7`), so counting is exact
 * without cross-request races: a Durable Object processes one storage operation at a time.
 * An alarm wipes the state when the window ends, so idle keys cost no storage.
 */
import { DurableObject } from 'cloudflare:workers';
import { HttpError } from '../http/errors';
import { countHit, type WindowState } from './fixed-window';

const KEY = 'window';

export class RateLimiter extends DurableObject<Env> {
	/** Records one hit; returns whether it is within `limit` per `windowMs`. */
	async hit(
		limit: number,
		windowMs: number
	): Promise<{ allowed: boolean; remaining: number; retryAfterSeconds: number }> {
		const now = Date.now();
		const current = (await this.ctx.storage.get<WindowState>(KEY)) ?? null;
		const result = countHit(current, now, limit, windowMs);
		await this.ctx.storage.put(KEY, result.window);
		if (!current || current.start !== result.window.start) {
			await this.ctx.storage.setAlarm(result.window.start + windowMs);
		}
		return {
			allowed: result.allowed,
			remaining: result.remaining,
			retryAfterSeconds: result.retryAfterSeconds
		};
	}

	async alarm(): Promise<void> {
		await this.ctx.storage.deleteAll();
	}
}

/** Throws 429 (with Retry-After) when `key` is over its budget. */
export async function enforceRateLimit(
	env: Env,
	key: string,
	limit: number,
	windowMs: number
): Promise<void> {
	const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(key));
	const { allowed, retryAfterSeconds } = await stub.hit(limit, windowMs);
	if (!allowed) {
		throw new HttpError(
			'rate_limited',
			`Too many requests. Wait ${retryAfterSeconds} s and try again.`,
			undefined,
			{ 'Retry-After': String(retryAfterSeconds) }
		);
	}
}
