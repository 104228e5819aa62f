/**
 * Builds the OpenAPI 3.1 document from `RouteDoc`s: zod schemas become JSON Schema (2020-12, which is
 * what OpenAPI 3.1 uses) through `z.toJSONSchema`, path parameters come from `{name}` segments, query
 * parameters from the query schema's properties. Pure: the same docs give the same document.
 *
 * @example
 * const doc = generateOpenApi([...foundationRouteDocs, ...accountsRouteDocs], { version: '1' });
 * doc.paths['/api/v1/health'].get.summary; // 'Liveness and database check'
 */
import { z } from 'zod';
import { ApiError } from '../../../src/lib/core/protocol';
import type { RouteDoc } from './route-doc';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
	openapi: '3.1.0';
	info: { title: string; version: string; description: string };
	servers: { url: string }[];
	tags: { name: string }[];
	paths: Record<string, Record<string, unknown>>;
	components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

/** Failure statuses every route may answer, beyond those implied by its auth. */
const COMMON_ERRORS: Record<number, string> = {
	400: 'Invalid input; details.issues lists each bad field',
	429: 'Rate limited; wait for Retry-After seconds'
};
const AUTH_ERRORS: Record<number, string> = {
	401: 'Missing, invalid, expired or revoked credentials',
	403: 'Role (or API key scope) does not allow this'
};

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
	// 'any' for types JSON Schema cannot express (transforms): the docs stay whole instead of throwing.
	const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
	delete json.$schema;
	return json;
}

export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function queryParameters(query: z.ZodType | undefined): unknown[] {
	if (!query) return [];
	const json = toJsonSchema(query, 'input');
	const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
	const required = new Set((json.required as string[] | undefined) ?? []);
	return Object.entries(properties).map(([name, schema]) => ({
		name,
		in: 'query',
		required: required.has(name),
		schema
	}));
}

function operation(doc: RouteDoc): Record<string, unknown> {
	const status = doc.status ?? 200;
	const errors = { ...COMMON_ERRORS, ...(doc.auth === 'token' ? AUTH_ERRORS : {}) };
	const responses: Record<string, unknown> = {
		[status]: {
			description: doc.summary,
			...(doc.response
				? { content: { 'application/json': { schema: toJsonSchema(doc.response, 'output') } } }
				: {})
		}
	};
	for (const [code, description] of Object.entries(errors)) {
		responses[code] = {
			description,
			content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } }
		};
	}
	const permission = doc.permission ? ` Requires permission \`${doc.permission}\`.` : '';
	return {
		operationId: operationId(doc),
		summary: doc.summary,
		description: `${doc.summary}.${permission}`,
		tags: [doc.tag],
		...(doc.permission ? { 'x-permission': doc.permission } : {}),
		security: doc.auth === 'token' ? [{ bearerAuth: [] }, { apiKey: [] }] : [],
		parameters: [
			...pathParameters(doc.path).map((name) => ({
				name,
				in: 'path',
				required: true,
				schema: { type: 'string' }
			})),
			...queryParameters(doc.query)
		],
		...(doc.body
			? {
					requestBody: {
						required: true,
						content: { 'application/json': { schema: toJsonSchema(doc.body, 'input') } }
					}
				}
			: {}),
		responses
	};
}

/** `POST /api/v1/auth/api-keys/{id}` → `post_auth_api_keys_id`: stable and unique per route. */
export function operationId(doc: Pick<RouteDoc, 'method' | 'path'>): string {
	const tail = doc.path
		.replace(/^\/api\/v1\//, '')
		.replace(/[{}]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.replace(/_+$/, '');
	return `${doc.method.toLowerCase()}_${tail}`;
}

export function generateOpenApi(
	docs: readonly RouteDoc[],
	meta: { version: string }
): OpenApiDocument {
	const paths: OpenApiDocument['paths'] = {};
	for (const doc of docs) {
		const entry = (paths[doc.path] ??= {});
		entry[doc.method.toLowerCase()] = operation(doc);
	}
	const tags = [...new Set(docs.map((d) => d.tag))].map((name) => ({ name }));
	return {
		openapi: '3.1.0',
		info: {
			title: 'AXON edge API',
			version: meta.version,
			description:
				'The AXON research workbench API. Authenticate with `Authorization: Bearer <access token>` ' +
				'(POST /api/v1/auth/sign-in; refresh with POST /api/v1/auth/refresh) or with an API key ' +
				'(`Authorization: Bearer axk_…` or `X-API-Key: axk_…`; effective permissions = role ∩ scopes). ' +
				'Every error body is `{ error: { code, message, details? } }`.'
		},
		servers: [{ url: '/' }],
		tags,
		paths,
		components: {
			schemas: { ApiError: toJsonSchema(ApiError, 'output') },
			securitySchemes: {
				bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or axk_ API key' },
				apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' }
			}
		}
	};
}
