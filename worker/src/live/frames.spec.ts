import { describe, expect, it } from 'vitest';
import { handleClientFrame, type LiveSession } from './frames';

const writer: LiveSession = { userId: 'u', role: 'researcher', canPublish: true, symbol: 'BTC' };
const reader: LiveSession = { ...writer, role: 'observer', canPublish: false };

describe('handleClientFrame', () => {
	it('turns a publish into a bar broadcast on the socket’s own symbol', () => {
		const bar = { t: '2026-01-01T00:00:00Z', close: 1.5 };
		expect(handleClientFrame(JSON.stringify({ type: 'publish', bar }), writer)).toEqual({
			kind: 'broadcast',
			frame: { type: 'bar', symbol: 'BTC', bar }
		});
	});

	it('answers with error frames for binary, oversized, non-JSON, invalid and forbidden frames', () => {
		const cases: [string | ArrayBuffer, LiveSession, string][] = [
			[new ArrayBuffer(4), writer, 'bad_frame'],
			['x'.repeat(5000), writer, 'too_large'],
			['{', writer, 'bad_json'],
			['{"type":"publish","bar":{"t":"x","close":null}}', writer, 'bad_frame'],
			['{"type":"subscribe","symbol":"ETH"}', writer, 'wrong_symbol'],
			['{"type":"publish","bar":{"t":"x","close":1}}', reader, 'forbidden']
		];
		for (const [message, session, code] of cases) {
			expect(handleClientFrame(message, session)).toMatchObject({
				kind: 'reply',
				frame: { type: 'error', code }
			});
		}
	});

	it('answers ping with pong and a subscribe to its own symbol with a welcome', () => {
		expect(handleClientFrame('{"type":"ping"}', reader)).toEqual({
			kind: 'reply',
			frame: { type: 'pong' }
		});
		expect(handleClientFrame('{"type":"subscribe","symbol":"BTC"}', reader)).toEqual({
			kind: 'welcome'
		});
	});
});
