/**
 * The AXON edge Worker. `/api/*` is the JSON API and live WebSockets; everything else is the built
 * SvelteKit SPA from the ASSETS binding (wrangler.toml sends only `/api/*` to this code first).
 */
import { createContext, type AppContext } from './context';
import { HttpError, errorResponse, toErrorResponse } from './http/errors';
import { withSecurityHeaders } from './http/respond';
import { Router } from './http/router';
import { me, signIn } from './routes/auth';
import { createExperiment, getExperiment, listExperiments } from './routes/experiments';
import { health } from './routes/health';
import { connectLive } from './routes/live';
import { mountAccounts } from './routes/mount-accounts';
import { mountBattles } from './routes/mount-battles';
import { mountFeatures } from './routes/mount-features';
import { mountTracking } from './routes/mount-tracking';

export { LiveFeed } from './live/live-feed';
export { RateLimiter } from './rate-limit/rate-limiter';

const foundation = new Router<AppContext>()
	.on('GET', '/api/v1/health', health)
	.on('POST', '/api/v1/auth/sign-in', signIn)
	.on('GET', '/api/v1/auth/me', me)
	.on('POST', '/api/v1/experiments', createExperiment)
	.on('GET', '/api/v1/experiments', listExperiments)
	.on('GET', '/api/v1/experiments/:id', (c, p) => getExperiment(c, p.id!))
	.on('GET', '/api/v1/live/:symbol', (c, p) => connectLive(c, p.symbol!));

/** Each area registers its own routes (worker/src/routes/mount-*.ts). */
const router = mountBattles(mountFeatures(mountTracking(mountAccounts(foundation))));

async function handleApi(c: AppContext): Promise<Response> {
	const match = router.match(c.request.method, c.url.pathname);
	try {
		switch (match.kind) {
			case 'found':
				return await match.handler(c, match.params);
			case 'wrong_method':
				throw new HttpError(
					'method_not_allowed',
					`Use ${match.allowed.join(' or ')} here.`,
					undefined,
					{
						Allow: match.allowed.join(', ')
					}
				);
			case 'none':
				return errorResponse(new HttpError('not_found', `No API route ${c.url.pathname}.`));
		}
	} catch (e) {
		return toErrorResponse(e, { method: c.request.method, path: c.url.pathname });
	}
}

export default {
	async fetch(request, env, ctx): Promise<Response> {
		const c = createContext(request, env, ctx);
		if (c.url.pathname !== '/api' && !c.url.pathname.startsWith('/api/')) {
			return env.ASSETS.fetch(request);
		}
		return withSecurityHeaders(await handleApi(c));
	}
} satisfies ExportedHandler<Env>;
