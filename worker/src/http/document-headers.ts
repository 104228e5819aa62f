/**
 * Security headers for the static SPA that ASSETS serves (everything outside `/api/*`).
 *
 * The Content-Security-Policy allows scripts only from this origin plus, by SHA-256 hash, the inline
 * bootstrap `<script>` SvelteKit writes into index.html (its contents change with every build, so the
 * hashes are computed from the HTML actually served rather than pinned). Other sources, and why:
 * - `'wasm-unsafe-eval'`: WebAssembly compilation (onnxruntime-web); it does not allow JS eval.
 * - `style-src 'unsafe-inline'`: Svelte writes `style="…"` attributes (index.html has one); styles
 *   cannot run code, so this is the usual, low-risk exception.
 * - `worker-src 'self' blob:`: comlink workers are same-origin module scripts; blob: for libraries
 *   that spin workers from generated code.
 * - `connect-src 'self'`: the API and the live WebSocket are same-origin (CSP3 'self' covers ws/wss).
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The contents of every inline `<script>` (those without src), exactly as the browser hashes them. */
export function inlineScripts(html: string): string[] {
	return [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!).filter((s) => s.length > 0);
}

export async function sha256Base64(text: string): Promise<string> {
	const digest = new Uint8Array(
		await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
	);
	let bin = '';
	for (const b of digest) bin += String.fromCharCode(b);
	return btoa(bin);
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
	const hashes = scriptHashes.map((h) => ` 'sha256-${h}'`).join('');
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval'${hashes}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"connect-src 'self' data: blob:",
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

/**
 * Adds the static headers to any asset response and, to HTML documents, a CSP built from their inline
 * scripts. A 304 gets no CSP: the browser merges its headers into the cached 200, which has the right one.
 */
export async function withDocumentSecurityHeaders(
	response: Response,
	https: boolean
): Promise<Response> {
	const type = response.headers.get('Content-Type') ?? '';
	let body: BodyInit | null = response.body;
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
	if (https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	if (/^text\/html\b/i.test(type) && response.status === 200) {
		const html = await response.text();
		const hashes = await Promise.all(inlineScripts(html).map(sha256Base64));
		headers.set('Content-Security-Policy', contentSecurityPolicy(hashes));
		body = html;
		headers.delete('Content-Length');
	}
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
