/** Reads the token settings from the environment, refusing to run with a missing or weak secret. */
import { HttpError } from '../http/errors';
import { MIN_SECRET_LENGTH, type TokenConfig } from './token';

export function tokenConfig(env: Env): TokenConfig {
	const secret = env.AUTH_SECRET;
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
		// Logged by the error mapper as a 500; the message names the fix, never the value.
		throw new HttpError(
			'misconfigured',
			`The server has no AUTH_SECRET of at least ${MIN_SECRET_LENGTH} characters (run node scripts/edge-setup.mjs locally, or wrangler secret put AUTH_SECRET).`
		);
	}
	return { secret, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
}
