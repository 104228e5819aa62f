// Optional security settings ([vars] in wrangler.toml or .dev.vars). Absent means the documented
// default in worker/src/http/security-config.ts. Declared here so the Env type is the same everywhere.
declare namespace Cloudflare {
	interface Env {
		/** "false" turns off POST /api/v1/auth/sign-up. Default: on. */
		ALLOW_SIGN_UP?: string;
		/** Comma-separated origins allowed to call the API cross-origin. Default: none (same origin only). */
		CORS_ALLOWED_ORIGINS?: string;
		/** Requests per minute per user or API key. Default: 600. */
		RATE_LIMIT_PER_MINUTE?: string;
	}
}
