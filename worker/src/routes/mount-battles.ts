import type { AppContext } from '../context';
import type { Router } from '../http/router';

/** Registers the battles routes on the API router. */
export function mountBattles(router: Router<AppContext>): Router<AppContext> {
	return router;
}
