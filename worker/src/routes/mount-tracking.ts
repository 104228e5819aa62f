import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';

/** Registers the tracking routes on the API router. */
export function mountTracking(router: Router<AppContext>): Router<AppContext> {
	return router;
}

/** OpenAPI descriptions of the routes mounted above. */
export const trackingRouteDocs: RouteDoc[] = [];
