import { describe, expect, it, vi } from 'vitest';
import { HttpError, toErrorResponse } from './errors';

const where = { method: 'POST', path: '/api/v1/x' };

describe('toErrorResponse', () => {
	it('keeps the code, message, details and headers of an HttpError', async () => {
		const res = toErrorResponse(
			new HttpError('too_large', 'Too big.', { max: 1 }, { 'Retry-After': '3' }),
			where
		);
		expect(res.status).toBe(413);
		expect(res.headers.get('Retry-After')).toBe('3');
		expect(await res.json()).toEqual({
			error: { code: 'too_large', message: 'Too big.', details: { max: 1 } }
		});
	});

	it('answers unknown errors with a generic 500 and logs them as JSON without leaking the message', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const res = toErrorResponse(new Error('D1_ERROR: no such column: secret_sauce'), where);
		expect(res.status).toBe(500);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('internal');
		expect(body.error.message).not.toContain('secret_sauce');
		const logged = JSON.parse(String(log.mock.calls[0]?.[0]));
		expect(logged).toMatchObject({
			level: 'error',
			method: 'POST',
			path: '/api/v1/x',
			message: expect.stringContaining('secret_sauce')
		});
		log.mockRestore();
	});
});
