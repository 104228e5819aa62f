/**
 * `GET /api/v1/live/{symbol}` (WebSocket): authenticates, then hands the upgrade to the symbol's
 * LiveFeed Durable Object. Browsers cannot set headers on a WebSocket, so the token comes as
 * `?token=`; every role may listen, only roles with `live:publish` may publish.
 */
import { LiveSymbol } from '../../../src/lib/core/protocol';
import { can } from '../auth/permissions';
import { assertCan, authenticateToken } from '../auth/require-role';
import type { AppContext } from '../context';
import { parseWith } from '../http/body';
import { HttpError } from '../http/errors';
import { SESSION_HEADERS } from '../live/live-feed';

export async function connectLive(c: AppContext, rawSymbol: string): Promise<Response> {
	const symbol = parseWith(LiveSymbol, rawSymbol, 'symbol (use 1-16 of A-Z 0-9 . _ -)');
	if (c.request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
		throw new HttpError('upgrade_required', 'This endpoint speaks WebSocket only.', undefined, {
			Upgrade: 'websocket'
		});
	}
	const user = await authenticateToken(c.env, c.url.searchParams.get('token'));
	assertCan(user, 'live:read');

	const feed = c.env.LIVE_FEED.get(c.env.LIVE_FEED.idFromName(symbol));
	// A fresh request: nothing the client sent (cookies, spoofed X-Axon-* headers) reaches the object.
	return feed.fetch('https://live-feed.internal/connect', {
		headers: {
			Upgrade: 'websocket',
			[SESSION_HEADERS.user]: user.id,
			[SESSION_HEADERS.role]: user.role,
			[SESSION_HEADERS.publish]: can(user.role, 'live:publish') ? '1' : '0',
			[SESSION_HEADERS.symbol]: symbol
		}
	});
}
