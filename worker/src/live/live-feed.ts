/**
 * LiveFeed Durable Object: one instance per symbol, fanning published bars out to every socket on it.
 * Uses the WebSocket hibernation API: sockets are accepted with `ctx.acceptWebSocket`, each carries its
 * session as an attachment, and the set of sockets comes from `ctx.getWebSockets()` — so the object can
 * be evicted from memory between messages without losing subscribers.
 *
 * Only the Worker can reach this object; it authenticates the caller and passes the result in the
 * `X-Axon-*` headers of a request it builds itself (client headers are never forwarded).
 */
import { DurableObject } from 'cloudflare:workers';
import { Role, type LiveServerFrame } from '../../../src/lib/core/protocol';
import { handleClientFrame, type LiveSession } from './frames';

export const SESSION_HEADERS = {
	user: 'X-Axon-User',
	role: 'X-Axon-Role',
	publish: 'X-Axon-Publish',
	symbol: 'X-Axon-Symbol'
} as const;

export class LiveFeed extends DurableObject<Env> {
	async fetch(request: Request): Promise<Response> {
		if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
			return new Response('Expected a WebSocket upgrade', { status: 426 });
		}
		const session = sessionFromHeaders(request.headers);
		if (!session) return new Response('Missing session', { status: 400 });

		const { 0: client, 1: server } = new WebSocketPair();
		this.ctx.acceptWebSocket(server);
		server.serializeAttachment(session);
		send(server, this.#welcome(session.symbol));
		return new Response(null, { status: 101, webSocket: client });
	}

	async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
		const session = ws.deserializeAttachment() as LiveSession | null;
		if (!session) {
			ws.close(1011, 'session lost');
			return;
		}
		const outcome = handleClientFrame(message, session);
		switch (outcome.kind) {
			case 'reply':
				send(ws, outcome.frame);
				break;
			case 'welcome':
				send(ws, this.#welcome(session.symbol));
				break;
			case 'broadcast':
				for (const peer of this.ctx.getWebSockets()) send(peer, outcome.frame);
				break;
		}
	}

	async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
		// 1005/1006 are "no code"/"abnormal" markers and may not be sent back in a close frame.
		closeQuietly(ws, code === 1005 || code === 1006 ? 1000 : code, reason);
	}

	async webSocketError(ws: WebSocket): Promise<void> {
		closeQuietly(ws, 1011, 'socket error');
	}

	#welcome(symbol: string): LiveServerFrame {
		return { type: 'welcome', symbol, subscribers: this.ctx.getWebSockets().length };
	}
}

function sessionFromHeaders(headers: Headers): LiveSession | null {
	const userId = headers.get(SESSION_HEADERS.user);
	const role = Role.safeParse(headers.get(SESSION_HEADERS.role));
	const symbol = headers.get(SESSION_HEADERS.symbol);
	if (!userId || !role.success || !symbol) return null;
	return {
		userId,
		role: role.data,
		symbol,
		canPublish: headers.get(SESSION_HEADERS.publish) === '1'
	};
}

/** A peer that went away mid-broadcast must not stop the others from receiving the frame. */
function send(ws: WebSocket, frame: LiveServerFrame): void {
	try {
		ws.send(JSON.stringify(frame));
	} catch {
		closeQuietly(ws, 1011, 'send failed');
	}
}

function closeQuietly(ws: WebSocket, code: number, reason: string): void {
	try {
		ws.close(code, reason);
	} catch {
		// Already closed.
	}
}
