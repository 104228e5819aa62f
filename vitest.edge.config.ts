// Edge tests: worker/test/**/*.spec.ts run inside workerd (the real Workers runtime) with the
// bindings from wrangler.toml: local D1, Durable Objects (SQLite-backed), R2. Run:
//   npx vitest run --config vitest.edge.config.ts
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// wrangler.toml's [assets] points at build/ (made by `vite build`). The tests never serve the SPA, but
// the config loader refuses a missing directory, so make sure an (ignored) empty one exists.
mkdirSync(fileURLToPath(new URL('./build', import.meta.url)), { recursive: true });

export default defineConfig(async () => {
	const migrations = await readD1Migrations(
		fileURLToPath(new URL('./worker/migrations', import.meta.url))
	);
	return {
		plugins: [
			cloudflareTest({
				wrangler: { configPath: './wrangler.toml' },
				miniflare: {
					bindings: {
						// A fixed test-only key; real keys live in .dev.vars / wrangler secrets.
						AUTH_SECRET: 'test-only-auth-secret-0123456789abcdef',
						TEST_MIGRATIONS: migrations
					}
				}
			})
		],
		test: {
			include: ['worker/src/**/*.spec.ts', 'worker/test/**/*.spec.ts'],
			setupFiles: ['./worker/test/apply-migrations.ts'],
			expect: { requireAssertions: true }
		}
	};
});
