/**
 * Errors as data. Comlink drops custom error classes and HTTP bodies carry JSON, so every boundary
 * (worker bridge, edge route, CLI command) returns a `Result` instead of throwing.
 *
 * @example
 * const r = parseNumber('x');
 * if (!r.ok) console.error(r.code, r.message);
 */
export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; code: ErrorCode; message: string; details?: unknown };
export type Result<T> = Ok<T> | Err;

/** Stable machine-readable codes; the message is for people. */
export type ErrorCode =
	| 'bad_input'
	| 'not_found'
	| 'unauthorized'
	| 'forbidden'
	| 'conflict'
	| 'too_large'
	| 'cancelled'
	| 'gpu_unavailable'
	| 'internal';

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: unknown): Err => ({
	ok: false,
	code,
	message,
	...(details === undefined ? {} : { details })
});
