/**
 * The AXON edge Worker. `/api/*` is the JSON API and live WebSockets; everything else is the built
 * SvelteKit SPA from the ASSETS binding (wrangler.toml sends only `/api/*` to this code first, so
 * assets reach this handler only through the SPA fallback and `env.ASSETS.fetch` below; both get the
 * static security headers and a CSP).
 *
 * API pipeline: CORS (preflight, origin allow-list) → router → handler (authenticate → per-user rate
 * limit → permission) → one error mapper → security headers.
 */
import { createContext, type AppContext } from './context';
import {
	assertOriginMayCall,
	corsDecision,
	isPreflight,
	preflightResponse,
	withCorsHeaders
} from './http/cors';
import { withDocumentSecurityHeaders } from './http/document-headers';
import { HttpError, errorResponse, toErrorResponse } from './http/errors';
import { withSecurityHeaders } from './http/respond';
import { Router } from './http/router';
import { allowedOrigins } from './http/security-config';
import { createExperiment, getExperiment, listExperiments } from './routes/experiments';
import { health } from './routes/health';
import { connectLive } from './routes/live';
import { mountAccounts } from './routes/mount-accounts';
import { mountBattles } from './routes/mount-battles';
import { mountFeatures } from './routes/mount-features';
import { mountTracking } from './routes/mount-tracking';
import { openApi } from './routes/openapi';

export { LiveFeed } from './live/live-feed';
export { RateLimiter } from './rate-limit/rate-limiter';

const foundation = new Router<AppContext>()
	.on('GET', '/api/v1/health', health)
	.on('GET', '/api/v1/openapi.json', openApi)
	.on('POST', '/api/v1/experiments', createExperiment)
	.on('GET', '/api/v1/experiments', listExperiments)
	.on('GET', '/api/v1/experiments/:id', (c, p) => getExperiment(c, p.id!))
	.on('GET', '/api/v1/live/:symbol', (c, p) => connectLive(c, p.symbol!));

/** Each area registers its own routes (worker/src/routes/mount-*.ts); auth lives in mount-accounts. */
const router = mountBattles(mountFeatures(mountTracking(mountAccounts(foundation))));

async function handleApi(c: AppContext): Promise<Response> {
	try {
		const cors = corsDecision(c.request, allowedOrigins(c.env));
		if (isPreflight(c.request)) return preflightResponse(cors);
		assertOriginMayCall(c.request, cors);
		return withCorsHeaders(await route(c), cors);
	} catch (e) {
		return toErrorResponse(e, { method: c.request.method, path: c.url.pathname });
	}
}

async function route(c: AppContext): Promise<Response> {
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
			return withDocumentSecurityHeaders(
				await env.ASSETS.fetch(request),
				c.url.protocol === 'https:'
			);
		}
		return withSecurityHeaders(await handleApi(c));
	}
} satisfies ExportedHandler<Env>;
