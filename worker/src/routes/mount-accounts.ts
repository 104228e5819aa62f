import type { AppContext } from '../context';
import type { Router } from '../http/router';

/** Registers the accounts routes on the API router. */
export function mountAccounts(router: Router<AppContext>): Router<AppContext> {
	return router;
}
