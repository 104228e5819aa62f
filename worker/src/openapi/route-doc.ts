/**
 * How an area describes its routes for `GET /api/v1/openapi.json`: each `routes/mount-*.ts` exports a
 * `RouteDoc[]` beside the handlers it mounts, and the generator turns the zod schemas into JSON Schema.
 */
import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

export interface RouteDoc {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** OpenAPI style, e.g. `/api/v1/models/{id}`. */
	path: string;
	summary: string;
	/** Groups routes in the rendered docs, e.g. `auth`, `experiments`, `models`. */
	tag: string;
	/** `public`: no credentials; `token`: bearer access token or API key; `share`: a share-link token. */
	auth: 'public' | 'token' | 'share';
	permission?: Permission;
	body?: z.ZodType;
	query?: z.ZodType;
	response?: z.ZodType;
	/** Success status, 200 unless said. */
	status?: number;
}
