import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, operationId, pathParameters } from './generate';

describe('generateOpenApi', () => {
	const doc = generateOpenApi(
		[
			{
				method: 'POST',
				path: '/api/v1/things/{id}',
				summary: 'Make a thing',
				tag: 'things',
				auth: 'token',
				permission: 'experiments:create',
				body: z.object({ name: z.string().min(3) }),
				query: z.object({ dry: z.coerce.boolean().optional() }),
				response: z.object({ id: z.string() }),
				status: 201
			}
		],
		{ version: '9' }
	);
	const op = doc.paths['/api/v1/things/{id}']!.post as Record<string, unknown>;

	it('turns zod schemas into JSON Schema for bodies and responses', () => {
		expect(op.requestBody).toMatchObject({
			content: { 'application/json': { schema: { properties: { name: { minLength: 3 } } } } }
		});
		expect(op.responses).toMatchObject({
			201: { content: { 'application/json': { schema: { type: 'object' } } } }
		});
	});

	it('lists path and query parameters, security and the permission', () => {
		expect(op.parameters).toEqual([
			{ name: 'id', in: 'path', required: true, schema: { type: 'string' } },
			expect.objectContaining({ name: 'dry', in: 'query', required: false })
		]);
		expect(op.security).toEqual([{ bearerAuth: [] }, { apiKey: [] }]);
		expect(op['x-permission']).toBe('experiments:create');
		expect(op.responses).toHaveProperty('401');
		expect(op.responses).toHaveProperty('403');
	});
});

describe('helpers', () => {
	it('operationId and pathParameters read the path', () => {
		expect(operationId({ method: 'DELETE', path: '/api/v1/auth/api-keys/{id}' })).toBe(
			'delete_auth_api_keys_id'
		);
		expect(pathParameters('/a/{x}/b/{y}')).toEqual(['x', 'y']);
	});
});
