import type { AppContext } from '../context';
import type { Router } from '../http/router';

/** Registers the features routes on the API router. */
export function mountFeatures(router: Router<AppContext>): Router<AppContext> {
	return router;
}
