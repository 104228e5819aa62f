import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRemoteExperiments, setTokenRefresher } from './edge-client';

const page = { items: [], next_cursor: null };

function edge(validToken: string) {
	return vi.fn(async (_url: string, init: RequestInit) => {
		const auth = new Headers(init.headers).get('authorization');
		return auth === `Bearer ${validToken}`
			? new Response(JSON.stringify(page), { status: 200 })
			: new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'expired' } }), {
					status: 401
				});
	});
}

afterEach(() => {
	setTokenRefresher(null);
	vi.unstubAllGlobals();
});

describe('edge client token refresh', () => {
	it('retries a 401 once with the token the session refreshes to', async () => {
		const fetch = edge('fresh');
		vi.stubGlobal('fetch', fetch);
		const refresher = vi.fn(async () => 'fresh');
		setTokenRefresher(refresher);
		const r = await listRemoteExperiments('stale');
		expect(r).toEqual({ ok: true, value: page });
		expect(refresher).toHaveBeenCalledTimes(1);
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('reports unauthorized when the session cannot refresh', async () => {
		vi.stubGlobal('fetch', edge('fresh'));
		setTokenRefresher(async () => null);
		const r = await listRemoteExperiments('stale');
		expect(r).toMatchObject({ ok: false, code: 'unauthorized', message: 'expired' });
	});

	it('never refreshes on behalf of an API key', async () => {
		vi.stubGlobal('fetch', edge('fresh'));
		const refresher = vi.fn(async () => 'fresh');
		setTokenRefresher(refresher);
		const r = await listRemoteExperiments('axk_revoked');
		expect(r.ok).toBe(false);
		expect(refresher).not.toHaveBeenCalled();
	});
});
