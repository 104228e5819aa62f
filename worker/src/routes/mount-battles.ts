import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';

/** Registers the battles routes on the API router. */
export function mountBattles(router: Router<AppContext>): Router<AppContext> {
	return router;
}

/** OpenAPI descriptions of the routes mounted above. */
export const battlesRouteDocs: RouteDoc[] = [];
