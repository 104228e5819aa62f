/**
 * The one place where failures become HTTP responses. Handlers throw `HttpError` (or return early with
 * `errorResponse`) for expected failures; anything else is logged as structured JSON and answered with
 * a generic 500 so internals (SQL, stack traces, secrets) never reach a client.
 */
import type { ApiError } from '../../../src/lib/core/protocol';
import { jsonResponse } from './respond';

/** Stable machine-readable codes and the status each maps to. */
export const ERROR_STATUS = {
	bad_input: 400,
	bad_json: 400,
	unauthorized: 401,
	forbidden: 403,
	not_found: 404,
	method_not_allowed: 405,
	conflict: 409,
	too_large: 413,
	unsupported_media_type: 415,
	upgrade_required: 426,
	rate_limited: 429,
	misconfigured: 500,
	internal: 500
} as const satisfies Record<string, number>;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class HttpError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details?: unknown,
		readonly headers?: HeadersInit
	) {
		super(message);
		this.name = 'HttpError';
	}

	get status(): number {
		return ERROR_STATUS[this.code];
	}
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ApiError {
	return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(e: HttpError): Response {
	return jsonResponse(ERROR_STATUS[e.code], errorBody(e.code, e.message, e.details), e.headers);
}

/**
 * Maps any thrown value to a response. Known errors keep their code and message; unknown ones are
 * logged (name, message, route; no request body, headers or env) and become a generic 500.
 */
export function toErrorResponse(e: unknown, context: { method: string; path: string }): Response {
	if (e instanceof HttpError) {
		if (e.status >= 500) logError(e, context);
		return errorResponse(e);
	}
	logError(e, context);
	return errorResponse(
		new HttpError(
			'internal',
			'Something went wrong on our side. Try again; if it persists, report it.'
		)
	);
}

function logError(e: unknown, context: { method: string; path: string }): void {
	const err = e instanceof Error ? e : new Error(String(e));
	console.error(
		JSON.stringify({
			level: 'error',
			at: new Date().toISOString(),
			method: context.method,
			path: context.path,
			error: err.name,
			message: err.message,
			stack: err.stack?.split('\n').slice(0, 6).join('\n')
		})
	);
}
