/** What every route handler receives. Built once per request in index.ts. */
export interface AppContext {
	request: Request;
	env: Env;
	ctx: ExecutionContext;
	url: URL;
	/** The client address as Cloudflare saw it (CF-Connecting-IP); null when absent (tests). */
	ip: string | null;
}

export function createContext(request: Request, env: Env, ctx: ExecutionContext): AppContext {
	return {
		request,
		env,
		ctx,
		url: new URL(request.url),
		ip: request.headers.get('CF-Connecting-IP')
	};
}
