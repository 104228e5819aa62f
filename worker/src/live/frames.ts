/**
 * What the LiveFeed does with one client frame, as a pure function: the Durable Object only moves
 * bytes. Every frame is re-validated here (size, JSON, the shared `LiveClientFrame` schema, the
 * sender's right to publish); bad input gets an `error` frame, never a dropped connection.
 *
 * @example
 * handleClientFrame('{"type":"ping"}', session); // { kind: 'reply', frame: { type: 'pong' } }
 */
import { LiveClientFrame, type LiveServerFrame, type Role } from '../../../src/lib/core/protocol';

/** A bar frame is ~60 bytes; 4 KiB bounds the parse work a client can ask for per message. */
export const MAX_FRAME_BYTES = 4096;

/** Stored on each socket with `serializeAttachment`, so it survives hibernation. */
export interface LiveSession {
	userId: string;
	role: Role;
	canPublish: boolean;
	symbol: string;
}

export type FrameOutcome =
	| { kind: 'reply'; frame: LiveServerFrame }
	| { kind: 'broadcast'; frame: LiveServerFrame }
	| { kind: 'welcome' };

const error = (code: string, message: string): FrameOutcome => ({
	kind: 'reply',
	frame: { type: 'error', code, message }
});

export function handleClientFrame(
	message: string | ArrayBuffer,
	session: LiveSession
): FrameOutcome {
	if (typeof message !== 'string') return error('bad_frame', 'Send JSON text frames, not binary.');
	if (message.length > MAX_FRAME_BYTES) {
		return error('too_large', `Frames are limited to ${MAX_FRAME_BYTES} bytes.`);
	}
	let value: unknown;
	try {
		value = JSON.parse(message);
	} catch {
		return error('bad_json', 'The frame is not valid JSON.');
	}
	const parsed = LiveClientFrame.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
		return error('bad_frame', `${where}${issue?.message ?? 'invalid frame'}`);
	}
	const frame = parsed.data;
	switch (frame.type) {
		case 'ping':
			return { kind: 'reply', frame: { type: 'pong' } };
		case 'subscribe':
			return frame.symbol === session.symbol
				? { kind: 'welcome' }
				: error(
						'wrong_symbol',
						`This socket streams ${session.symbol}; open /api/v1/live/${frame.symbol} for ${frame.symbol}.`
					);
		case 'publish':
			if (!session.canPublish) {
				return error('forbidden', `Your role (${session.role}) cannot publish to live feeds.`);
			}
			return { kind: 'broadcast', frame: { type: 'bar', symbol: session.symbol, bar: frame.bar } };
	}
}
