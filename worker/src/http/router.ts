/**
 * A minimal method + path router: enough for `/api/v1` without a dependency. Patterns are literal
 * segments and `:name` parameters; a path that matches with the wrong method is a 405, not a 404.
 *
 * @example
 * const router = new Router<Ctx>().on('GET', '/api/v1/experiments/:id', (c, { id }) => get(c, id));
 * const hit = router.match('GET', '/api/v1/experiments/abc'); // { handler, params: { id: 'abc' } }
 */
export type Params = Record<string, string>;
export type Handler<C> = (context: C, params: Params) => Promise<Response> | Response;

export type Match<C> =
	| { kind: 'found'; handler: Handler<C>; params: Params }
	| { kind: 'wrong_method'; allowed: string[] }
	| { kind: 'none' };

interface Route<C> {
	method: string;
	segments: string[];
	handler: Handler<C>;
}

export class Router<C> {
	readonly #routes: Route<C>[] = [];

	on(method: string, pattern: string, handler: Handler<C>): this {
		this.#routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
		return this;
	}

	match(method: string, pathname: string): Match<C> {
		const parts = split(pathname);
		const allowed: string[] = [];
		for (const route of this.#routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method.toUpperCase())
				return { kind: 'found', handler: route.handler, params };
			allowed.push(route.method);
		}
		return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'none' };
	}
}

function split(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Params | null {
	if (pattern.length !== parts.length) return null;
	const params: Params = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i]!;
		const part = parts[i]!;
		if (p.startsWith(':')) {
			const value = safeDecode(part);
			if (value === null) return null;
			params[p.slice(1)] = value;
		} else if (p !== part) {
			return null;
		}
	}
	return params;
}

/** A malformed escape (`%E0%A4%A`) is simply not a match rather than a thrown URIError. */
function safeDecode(s: string): string | null {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
}
