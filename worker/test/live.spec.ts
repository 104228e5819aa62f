import { evictDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LiveServerFrame } from '../../src/lib/core/protocol';
import { ORIGIN, userWithToken } from './helpers';

/** An accepted client socket with a queue of parsed server frames. */
async function connect(symbol: string, token: string) {
	const res = await exports.default.fetch(
		`${ORIGIN}/api/v1/live/${symbol}?token=${encodeURIComponent(token)}`,
		{ headers: { Upgrade: 'websocket' } }
	);
	expect(res.status).toBe(101);
	const ws = res.webSocket!;
	const queue: LiveServerFrame[] = [];
	const waiters: ((f: LiveServerFrame) => void)[] = [];
	ws.addEventListener('message', (event) => {
		const frame = LiveServerFrame.parse(JSON.parse(String(event.data)));
		const waiter = waiters.shift();
		if (waiter) waiter(frame);
		else queue.push(frame);
	});
	ws.accept();
	const next = () =>
		new Promise<LiveServerFrame>((resolve, reject) => {
			const queued = queue.shift();
			if (queued) return resolve(queued);
			const timer = setTimeout(() => reject(new Error('no frame within 2 s')), 2000);
			waiters.push((f) => {
				clearTimeout(timer);
				resolve(f);
			});
		});
	return {
		ws,
		next,
		send: (frame: unknown) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
	};
}

describe('GET /api/v1/live/{symbol}', () => {
	it('welcomes a subscriber and counts the sockets on the symbol', async () => {
		const { token } = await userWithToken('observer');
		const a = await connect('WELCOME', token);
		expect(await a.next()).toEqual({ type: 'welcome', symbol: 'WELCOME', subscribers: 1 });
		const b = await connect('WELCOME', token);
		expect(await b.next()).toEqual({ type: 'welcome', symbol: 'WELCOME', subscribers: 2 });
		a.ws.close(1000);
		b.ws.close(1000);
	});

	it('delivers a bar published on one socket to another on the same symbol', async () => {
		const publisher = await connect('BTC-USD', (await userWithToken('researcher')).token);
		const listener = await connect('BTC-USD', (await userWithToken('observer')).token);
		await publisher.next();
		await listener.next();
		const bar = { t: '2026-04-20T10:00:00Z', close: 64123.5 };
		publisher.send({ type: 'publish', bar });
		expect(await listener.next()).toEqual({ type: 'bar', symbol: 'BTC-USD', bar });
		expect(await publisher.next()).toEqual({ type: 'bar', symbol: 'BTC-USD', bar });
		publisher.ws.close(1000);
		listener.ws.close(1000);
	});

	it('keeps subscribers and their roles across hibernation', async () => {
		const publisher = await connect('HIB', (await userWithToken('researcher')).token);
		const observer = await connect('HIB', (await userWithToken('observer')).token);
		await publisher.next();
		await observer.next();
		await evictDurableObject(env.LIVE_FEED.get(env.LIVE_FEED.idFromName('HIB')), {
			webSockets: 'hibernate'
		});
		const bar = { t: 't1', close: 2 };
		publisher.send({ type: 'publish', bar });
		expect(await observer.next()).toEqual({ type: 'bar', symbol: 'HIB', bar });
		observer.send({ type: 'publish', bar });
		expect(await observer.next()).toMatchObject({ type: 'error', code: 'forbidden' });
		publisher.ws.close(1000);
		observer.ws.close(1000);
	});

	it('answers ping with pong and bad frames with error frames, keeping the socket open', async () => {
		const s = await connect('ETH', (await userWithToken('researcher')).token);
		await s.next();
		s.send('not json');
		expect(await s.next()).toMatchObject({ type: 'error', code: 'bad_json' });
		s.send({ type: 'publish', bar: { t: 'x', close: 'high' } });
		expect(await s.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
		s.send({ type: 'launch' });
		expect(await s.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
		s.send('x'.repeat(5000));
		expect(await s.next()).toMatchObject({ type: 'error', code: 'too_large' });
		s.send({ type: 'ping' });
		expect(await s.next()).toEqual({ type: 'pong' });
		s.ws.close(1000);
	});

	it('does not let observers publish', async () => {
		const s = await connect('SOL', (await userWithToken('observer')).token);
		await s.next();
		s.send({ type: 'publish', bar: { t: 't', close: 1 } });
		expect(await s.next()).toMatchObject({ type: 'error', code: 'forbidden' });
		s.ws.close(1000);
	});

	it('refuses connections without a valid token, bad symbols and plain HTTP', async () => {
		const { token } = await userWithToken('researcher');
		const upgrade = { headers: { Upgrade: 'websocket' } };
		expect((await exports.default.fetch(`${ORIGIN}/api/v1/live/BTC`, upgrade)).status).toBe(401);
		expect(
			(await exports.default.fetch(`${ORIGIN}/api/v1/live/BTC?token=abc.def.ghi`, upgrade)).status
		).toBe(401);
		expect(
			(await exports.default.fetch(`${ORIGIN}/api/v1/live/btc%3B?token=${token}`, upgrade)).status
		).toBe(400);
		expect((await exports.default.fetch(`${ORIGIN}/api/v1/live/BTC?token=${token}`)).status).toBe(
			426
		);
	});
});
