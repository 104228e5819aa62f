// Runs before each test file, inside workerd: brings the test D1 database up to the latest migration.
// applyD1Migrations records what it applied, so running it again is a no-op.
import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

const { TEST_MIGRATIONS } = env as unknown as { TEST_MIGRATIONS: D1Migration[] };
await applyD1Migrations(env.DB, TEST_MIGRATIONS);
