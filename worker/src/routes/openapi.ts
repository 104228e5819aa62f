/**
 * `GET /api/v1/openapi.json`: the API description, generated from every area's RouteDocs and the
 * protocol's zod schemas. Public (it describes, it does not grant); built once per isolate.
 */
import { foundationRouteDocs } from '../openapi/foundation-docs';
import { generateOpenApi, type OpenApiDocument } from '../openapi/generate';
import { jsonResponse } from '../http/respond';
import { accountsRouteDocs } from './mount-accounts';
import { battlesRouteDocs } from './mount-battles';
import { featuresRouteDocs } from './mount-features';
import { trackingRouteDocs } from './mount-tracking';

export const API_VERSION = '1.0.0';

let cached: OpenApiDocument | null = null;

export function openApiDocument(): OpenApiDocument {
	cached ??= generateOpenApi(
		[
			...foundationRouteDocs,
			...accountsRouteDocs,
			...trackingRouteDocs,
			...featuresRouteDocs,
			...battlesRouteDocs
		],
		{ version: API_VERSION }
	);
	return cached;
}

export function openApi(): Response {
	return jsonResponse(200, openApiDocument());
}
