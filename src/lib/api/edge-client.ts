/**
 * The browser's client for the edge API (`/api/v1`, same origin). Every response is parsed with the
 * shared protocol schemas; every failure comes back as an error Result with the edge's message.
 */
import type { z } from 'zod';
import {
	ApiError,
	Experiment,
	ExperimentList,
	SignInResponse,
	type ExperimentCreate,
	type SignIn
} from '$lib/core/protocol';
import { err, ok, type ErrorCode, type Result } from '$lib/core/result';

const codeOfStatus = (status: number): ErrorCode =>
	status === 400 || status === 415
		? 'bad_input'
		: status === 401
			? 'unauthorized'
			: status === 403
				? 'forbidden'
				: status === 404
					? 'not_found'
					: status === 409
						? 'conflict'
						: status === 413
							? 'too_large'
							: 'internal';

async function request<S extends z.ZodType>(
	schema: S,
	path: string,
	init: RequestInit & { token?: string | null } = {}
): Promise<Result<z.infer<S>>> {
	const headers = new Headers(init.headers);
	if (init.body) headers.set('content-type', 'application/json');
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, { ...init, headers });
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

export const signIn = (body: SignIn) =>
	request(SignInResponse, '/auth/sign-in', { method: 'POST', body: JSON.stringify(body) });

export const createExperiment = (token: string, body: ExperimentCreate) =>
	request(Experiment, '/experiments', { method: 'POST', body: JSON.stringify(body), token });

export const listRemoteExperiments = (token: string) =>
	request(ExperimentList, '/experiments?limit=50', { token });
