/**
 * The browser's client for the battle-arena routes (worker/src/routes/battles.ts). Same conventions
 * as edge-client.ts: same origin, every response parsed with the shared protocol schemas, every
 * failure an error Result carrying the edge's message. (edge-client keeps its `request` private, so
 * this file has its own small copy.)
 */
import type { z } from 'zod';
import {
	ApiError,
	BattleSession,
	BattleSessionDetail,
	BattleSessionList,
	type BattleSessionCreate
} from '$lib/core/protocol';
import { err, ok, type ErrorCode, type Result } from '$lib/core/result';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
	400: 'bad_input',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	413: 'too_large',
	415: 'bad_input'
};

async function request<S extends z.ZodType>(
	schema: S,
	path: string,
	init: RequestInit & { token: string }
): Promise<Result<z.infer<S>>> {
	const headers = new Headers(init.headers);
	if (init.body) headers.set('content-type', 'application/json');
	headers.set('authorization', `Bearer ${init.token}`);
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, { ...init, headers });
	} catch {
		return err('internal', 'The edge is unreachable. Is `npm start` running?');
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const parsed = ApiError.safeParse(body);
		return err(
			CODE_OF_STATUS[response.status] ?? 'internal',
			parsed.success ? parsed.data.error.message : `HTTP ${response.status}`,
			parsed.success ? parsed.data.error.details : undefined
		);
	}
	const parsed = schema.safeParse(body);
	return parsed.success
		? ok(parsed.data)
		: err('internal', 'The edge sent a response this app does not understand.');
}

export const createBattleSession = (token: string, body: BattleSessionCreate) =>
	request(BattleSession, '/battle-arena/sessions', {
		method: 'POST',
		body: JSON.stringify(body),
		token
	});

export const listBattleSessionsRemote = (token: string, limit = 20) =>
	request(BattleSessionList, `/battle-arena/sessions?limit=${limit}`, { token });

export const getBattleSessionRemote = (token: string, id: string) =>
	request(BattleSessionDetail, `/battle-arena/sessions/${encodeURIComponent(id)}`, { token });
