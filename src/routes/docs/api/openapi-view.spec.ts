import { describe, expect, it } from 'vitest';
import {
	curlFor,
	exampleFromSchema,
	fillPath,
	groupByTag,
	operationsOf,
	shellQuote
} from './openapi-view';

const doc = {
	openapi: '3.1.0',
	paths: {
		'/api/v1/auth/api-keys/{id}': {
			delete: {
				summary: 'Revoke an API key',
				tags: ['api-keys'],
				'x-permission': 'keys:manage',
				security: [{ bearerAuth: [] }],
				parameters: [{ name: 'id', in: 'path', required: true }],
				responses: { 200: {}, 401: {} }
			}
		},
		'/api/v1/health': {
			get: { summary: 'Liveness', tags: ['health'], security: [], responses: { 200: {} } }
		}
	}
};

describe('operationsOf', () => {
	it('lists each method of each path with its tag, permission and parameters', () => {
		const ops = operationsOf(doc);
		expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual([
			'DELETE /api/v1/auth/api-keys/{id}',
			'GET /api/v1/health'
		]);
		expect(ops[0]).toMatchObject({
			permission: 'keys:manage',
			needsAuth: true,
			pathParams: ['id']
		});
		expect(ops[1]!.needsAuth).toBe(false);
		expect(groupByTag(ops).map(([tag]) => tag)).toEqual(['api-keys', 'health']);
	});

	it('returns nothing for a document that is not one', () => {
		expect(operationsOf(null)).toEqual([]);
		expect(operationsOf({ paths: 'x' })).toEqual([]);
	});
});

describe('exampleFromSchema', () => {
	it('fills required fields within their bounds and skips optional ones', () => {
		const schema = {
			type: 'object',
			properties: {
				email: { type: 'string', format: 'email' },
				password: { type: 'string', minLength: 12 },
				role: { type: 'string', enum: ['researcher', 'observer'], default: 'researcher' },
				scopes: {
					type: 'array',
					items: { type: 'string', enum: ['experiments:read'] },
					minItems: 1
				},
				days: { type: 'integer', minimum: 1 },
				note: { type: 'string' }
			},
			required: ['email', 'password', 'role', 'scopes', 'days']
		};
		const example = exampleFromSchema(schema) as Record<string, unknown>;
		expect(example).toEqual({
			email: 'you@example.com',
			password: 'examplexxxxx',
			role: 'researcher',
			scopes: ['experiments:read'],
			days: 1
		});
	});
});

describe('curlFor', () => {
	it('builds a copy-pasteable command with auth and a quoted body', () => {
		const cmd = curlFor(
			{ method: 'POST', path: '/api/v1/x/{id}', needsAuth: true },
			{ origin: 'http://127.0.0.1:8787', params: { id: 'a b' }, body: `{"name":"it's"}` }
		);
		expect(cmd).toBe(
			[
				`curl -X POST 'http://127.0.0.1:8787/api/v1/x/a%20b'`,
				`-H "Authorization: Bearer $AXON_TOKEN"`,
				`-H 'Content-Type: application/json'`,
				`--data '{"name":"it'\\''s"}'`
			].join(' \\\n  ')
		);
		expect(fillPath('/a/{id}', {})).toBe('/a/{id}');
		expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
	});
});
