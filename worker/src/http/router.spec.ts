import { describe, expect, it } from 'vitest';
import { Router } from './router';

const ok = () => new Response('ok');
const router = new Router<null>()
	.on('GET', '/api/v1/items', ok)
	.on('POST', '/api/v1/items', ok)
	.on('GET', '/api/v1/items/:id', ok);

describe('Router', () => {
	it('match(method, path) returns the handler and decoded params', () => {
		const hit = router.match('GET', '/api/v1/items/a%20b');
		expect(hit).toMatchObject({ kind: 'found', params: { id: 'a b' } });
	});

	it('reports the allowed methods when only the method is wrong', () => {
		expect(router.match('DELETE', '/api/v1/items')).toEqual({
			kind: 'wrong_method',
			allowed: ['GET', 'POST']
		});
	});

	it('does not match extra segments or malformed escapes', () => {
		expect(router.match('GET', '/api/v1/items/1/2').kind).toBe('none');
		expect(router.match('GET', '/api/v1/items/%E0%A4%A').kind).toBe('none');
	});
});
