// Secrets are not in wrangler.toml, so `wrangler types` cannot see them (it would only if .dev.vars
// existed when it ran). Declared here so the Env type is the same on every machine.
declare namespace Cloudflare {
	interface Env {
		/** HS256 signing key for session tokens, at least 32 characters. `.dev.vars` locally. */
		AUTH_SECRET: string;
	}
}
