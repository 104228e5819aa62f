/**
 * The browser's client for the edge API (`/api/v1`, same origin). Every response is parsed with the
 * shared protocol schemas; every failure comes back as an error Result with the edge's message.
 *
 * Access tokens live 15 minutes. When a call with a token gets a 401, the client asks the registered
 * refresher (the session, see `setTokenRefresher`) for a new token once and retries with it, so a
 * page that kept an old token keeps working while the session lives.
 */
import { z } from 'zod';
import {
	ApiError,
	ApiKeyCreated,
	ApiKeyList,
	AuthTokens,
	Experiment,
	ExperimentList,
	MeResponse,
	Revoked,
	SessionList,
	type ApiKeyCreate,
	type ExperimentCreate,
	type SignIn,
	type SignUp
} from '$lib/core/protocol';
import { err, ok, type ErrorCode, type Result } from '$lib/core/result';

const codeOfStatus = (status: number): ErrorCode =>
	status === 400 || status === 415
		? 'bad_input'
		: status === 401
			? 'unauthorized'
			: status === 403
				? 'forbidden'
				: status === 404 || status === 410
					? 'not_found'
					: status === 409
						? 'conflict'
						: status === 413
							? 'too_large'
							: 'internal';

type TokenRefresher = () => Promise<string | null>;
let refresher: TokenRefresher | null = null;

/** The session registers how to get a fresh access token; `request` uses it once on a 401. */
export function setTokenRefresher(fn: TokenRefresher | null): void {
	refresher = fn;
}

/** One fetch to `/api/v1{path}`, retried once with a fresh token after a 401. Throws when offline. */
async function send(
	path: string,
	init: RequestInit & { token?: string | null }
): Promise<Response> {
	const headers = new Headers(init.headers);
	if (init.body) headers.set('content-type', 'application/json');
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	let response = await fetch(`/api/v1${path}`, { ...init, headers });
	if (response.status === 401 && init.token && refresher && !init.token.startsWith('axk_')) {
		const fresh = await refresher();
		if (fresh && fresh !== init.token) {
			headers.set('authorization', `Bearer ${fresh}`);
			response = await fetch(`/api/v1${path}`, { ...init, headers });
		}
	}
	return response;
}

async function request<S extends z.ZodType>(
	schema: S,
	path: string,
	init: RequestInit & { token?: string | null } = {}
): Promise<Result<z.infer<S>>> {
	let response: Response;
	try {
		response = await send(path, init);
	} catch {
		return err('internal', 'The edge is unreachable. Is `npm start` running?');
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const parsed = ApiError.safeParse(body);
		const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
		return err(
			codeOfStatus(response.status),
			message,
			parsed.success ? parsed.data.error.details : undefined
		);
	}
	const parsed = schema.safeParse(body);
	return parsed.success
		? ok(parsed.data)
		: err('internal', 'The edge sent a response this app does not understand.');
}

/**
 * Any API call, answered with its status and body as text (the API docs' "try it"). `path` is the
 * full `/api/v1/...` path as the OpenAPI document writes it.
 */
export async function callApi(
	method: string,
	path: string,
	options: { token?: string | null; body?: string } = {}
): Promise<Result<{ status: number; body: string }>> {
	if (!path.startsWith('/api/v1/')) return err('bad_input', 'Only /api/v1 paths can be called.');
	try {
		const response = await send(path.slice('/api/v1'.length), {
			method,
			token: options.token,
			...(options.body ? { body: options.body } : {})
		});
		return ok({ status: response.status, body: await response.text() });
	} catch {
		return err('internal', 'The edge is unreachable. Is `npm start` running?');
	}
}

export const signIn = (body: SignIn) =>
	request(AuthTokens, '/auth/sign-in', { method: 'POST', body: JSON.stringify(body) });

export const signUp = (body: SignUp) =>
	request(AuthTokens, '/auth/sign-up', { method: 'POST', body: JSON.stringify(body) });

/** Trades a refresh token for new tokens. Not retried through the refresher (it is the refresher). */
export const refreshTokens = (refreshToken: string) =>
	request(AuthTokens, '/auth/refresh', {
		method: 'POST',
		body: JSON.stringify({ refresh_token: refreshToken })
	});

export const signOut = (token: string) =>
	request(Revoked, '/auth/sign-out', { method: 'POST', body: '{}', token });

export const me = (token: string) => request(MeResponse, '/auth/me', { token });

export const listSessions = (token: string) => request(SessionList, '/auth/sessions', { token });

export const revokeSession = (token: string, id: string) =>
	request(Revoked, `/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', token });

export const listApiKeys = (token: string) => request(ApiKeyList, '/auth/api-keys', { token });

export const createApiKey = (token: string, body: ApiKeyCreate) =>
	request(ApiKeyCreated, '/auth/api-keys', { method: 'POST', body: JSON.stringify(body), token });

export const revokeApiKey = (token: string, id: string) =>
	request(Revoked, `/auth/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE', token });

/** The API description; an object, checked only for being one (the docs page reads it defensively). */
export const openApiDocument = () => request(z.record(z.string(), z.unknown()), '/openapi.json');

export const createExperiment = (token: string, body: ExperimentCreate) =>
	request(Experiment, '/experiments', { method: 'POST', body: JSON.stringify(body), token });

export const listRemoteExperiments = (token: string) =>
	request(ExperimentList, '/experiments?limit=50', { token });
