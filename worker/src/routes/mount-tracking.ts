import type { AppContext } from '../context';
import type { Router } from '../http/router';

/** Registers the tracking routes on the API router. */
export function mountTracking(router: Router<AppContext>): Router<AppContext> {
	return router;
}
