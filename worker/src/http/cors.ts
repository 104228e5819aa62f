/**
 * CORS for `/api/*`: an explicit allow-list of origins (CORS_ALLOWED_ORIGINS), never a wildcard. The
 * API authenticates with bearer tokens, not cookies, so `Access-Control-Allow-Credentials` is never
 * sent. Same-origin calls (the SPA) need none of this and pass untouched.
 *
 * A cross-origin request from an origin not on the list is refused before any handler runs if it
 * could change something (any method but GET/HEAD), so no side effect happens even for "simple"
 * requests a browser sends without a preflight.
 */
import { HttpError } from './errors';

export const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, X-API-Key';
/** Headers a cross-origin script may read from a response. */
export const EXPOSED_HEADERS = 'Location, Retry-After, WWW-Authenticate';
/** Browsers cache a preflight answer this long (seconds); Chromium caps it at 2 h anyway. */
export const PREFLIGHT_MAX_AGE = '600';

export type CorsDecision =
	| { kind: 'same_origin' }
	| { kind: 'allowed'; origin: string }
	| { kind: 'refused'; origin: string };

/** Classifies a request by its Origin header against the request's own origin and the allow-list. */
export function corsDecision(request: Request, allowed: ReadonlySet<string>): CorsDecision {
	const origin = request.headers.get('Origin');
	if (origin === null || origin === new URL(request.url).origin) return { kind: 'same_origin' };
	return allowed.has(origin) ? { kind: 'allowed', origin } : { kind: 'refused', origin };
}

export function isPreflight(request: Request): boolean {
	return request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method');
}

/** The answer to a preflight: 204 with the policy for an allowed origin, 403 otherwise. */
export function preflightResponse(decision: CorsDecision): Response {
	if (decision.kind === 'refused') {
		throw new HttpError('forbidden', `Origin ${decision.origin} may not call this API.`);
	}
	const headers = new Headers({
		'Access-Control-Allow-Methods': ALLOWED_METHODS,
		'Access-Control-Allow-Headers': ALLOWED_HEADERS,
		'Access-Control-Max-Age': PREFLIGHT_MAX_AGE
	});
	return withCorsHeaders(new Response(null, { status: 204, headers }), decision);
}

/** Refuses a cross-origin request that could change state when its origin is not allowed. */
export function assertOriginMayCall(request: Request, decision: CorsDecision): void {
	if (decision.kind === 'refused' && request.method !== 'GET' && request.method !== 'HEAD') {
		throw new HttpError('forbidden', `Origin ${decision.origin} may not call this API.`);
	}
}

export function withCorsHeaders(response: Response, decision: CorsDecision): Response {
	if (response.status === 101) return response;
	const out = new Response(response.body, response);
	// Vary on every API answer: a cache must never serve one origin's answer to another.
	out.headers.append('Vary', 'Origin');
	if (decision.kind === 'allowed') {
		out.headers.set('Access-Control-Allow-Origin', decision.origin);
		out.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
	}
	return out;
}
