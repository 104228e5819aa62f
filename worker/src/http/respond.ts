/**
 * JSON responses with the headers every API answer carries. API bodies are per-user and must never be
 * cached by a browser or proxy, sniffed as HTML, framed, or leak the URL through Referer.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Cache-Control': 'no-store',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
	'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
	'Cross-Origin-Resource-Policy': 'same-origin'
};

export function jsonResponse(status: number, body: unknown, extra?: HeadersInit): Response {
	const headers = new Headers(extra);
	headers.set('Content-Type', 'application/json; charset=utf-8');
	return new Response(JSON.stringify(body), { status, headers });
}

/** Adds the API security headers to a response, keeping any the handler set itself. */
export function withSecurityHeaders(response: Response): Response {
	// A 101 carries the WebSocket; its headers are immutable and it has no body to protect.
	if (response.status === 101) return response;
	const secured = new Response(response.body, response);
	for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
		if (!secured.headers.has(name)) secured.headers.set(name, value);
	}
	return secured;
}
