/**
 * The edge's security settings, read from environment variables with safe defaults. One place, so a
 * reader can see every knob and what "unset" means.
 *
 * | variable               | default | meaning                                                   |
 * |------------------------|---------|-----------------------------------------------------------|
 * | ALLOW_SIGN_UP          | on      | "false" disables self-service sign-up                     |
 * | CORS_ALLOWED_ORIGINS   | (none)  | comma-separated exact origins; "*" is refused             |
 * | RATE_LIMIT_PER_MINUTE  | 600     | authenticated requests per minute per user or API key     |
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export function signUpAllowed(env: Env): boolean {
	return (env.ALLOW_SIGN_UP ?? '').trim().toLowerCase() !== 'false';
}

/**
 * The exact origins allowed cross-origin. A wildcard is dropped rather than honoured: with bearer
 * credentials in play, "any origin" is never what anyone means.
 */
export function allowedOrigins(env: Env): ReadonlySet<string> {
	const origins = (env.CORS_ALLOWED_ORIGINS ?? '')
		.split(',')
		.map((o) => o.trim().replace(/\/+$/, ''))
		.filter((o) => /^https?:\/\/[^/*\s]+$/i.test(o));
	return new Set(origins);
}

export function rateLimitPerMinute(env: Env): number {
	const n = Number(env.RATE_LIMIT_PER_MINUTE);
	return Number.isInteger(n) && n > 0 ? n : DEFAULT_RATE_LIMIT_PER_MINUTE;
}
