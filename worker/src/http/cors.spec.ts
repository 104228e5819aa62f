import { describe, expect, it } from 'vitest';
import { corsDecision } from './cors';
import { allowedOrigins } from './security-config';

const env = (CORS_ALLOWED_ORIGINS?: string) => ({ CORS_ALLOWED_ORIGINS }) as Env;
const from = (origin?: string) =>
	new Request('https://axon.example/api/v1/health', origin ? { headers: { Origin: origin } } : {});

describe('allowedOrigins', () => {
	it('keeps exact http(s) origins and drops wildcards and junk', () => {
		expect([
			...allowedOrigins(env(' https://a.example/, *, http://b.example:8080,null,ftp://c '))
		]).toEqual(['https://a.example', 'http://b.example:8080']);
		expect(allowedOrigins(env()).size).toBe(0);
	});
});

describe('corsDecision', () => {
	const allowed = allowedOrigins(env('https://a.example'));
	it('treats no Origin and the request’s own origin as same-origin', () => {
		expect(corsDecision(from(), allowed).kind).toBe('same_origin');
		expect(corsDecision(from('https://axon.example'), allowed).kind).toBe('same_origin');
	});
	it('allows only listed origins', () => {
		expect(corsDecision(from('https://a.example'), allowed)).toEqual({
			kind: 'allowed',
			origin: 'https://a.example'
		});
		expect(corsDecision(from('https://a.example.evil'), allowed).kind).toBe('refused');
	});
});
