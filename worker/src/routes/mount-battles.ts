import {
	BattleSession,
	BattleSessionCreate,
	BattleSessionDetail,
	BattleSessionList,
	BattleSessionListQuery
} from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';
import { createBattle, getBattle, listBattles } from './battles';

/** Registers the battles routes on the API router. */
export function mountBattles(router: Router<AppContext>): Router<AppContext> {
	return router
		.on('POST', '/api/v1/battle-arena/sessions', createBattle)
		.on('GET', '/api/v1/battle-arena/sessions', listBattles)
		.on('GET', '/api/v1/battle-arena/sessions/:id', (c, p) => getBattle(c, p.id!));
}

/** OpenAPI descriptions of the routes mounted above. */
export const battlesRouteDocs: RouteDoc[] = [
	{
		method: 'POST',
		path: '/api/v1/battle-arena/sessions',
		summary: 'Store a finished battle session with its leaderboard and metrics',
		tag: 'battles',
		auth: 'token',
		permission: 'battles:create',
		body: BattleSessionCreate,
		response: BattleSession,
		status: 201
	},
	{
		method: 'GET',
		path: '/api/v1/battle-arena/sessions',
		summary: "List the caller's battle sessions, newest first",
		tag: 'battles',
		auth: 'token',
		permission: 'battles:read',
		query: BattleSessionListQuery,
		response: BattleSessionList
	},
	{
		method: 'GET',
		path: '/api/v1/battle-arena/sessions/{id}',
		summary: 'One of your battle sessions, with its metrics (another user’s is a 404)',
		tag: 'battles',
		auth: 'token',
		permission: 'battles:read',
		response: BattleSessionDetail
	}
];
