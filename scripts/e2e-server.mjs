// The server Playwright starts: a fresh local edge (its own D1/DO/R2 state under .wrangler/e2e, so a
// developer's `npm start` data is never touched) serving the built SPA on the given port.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureDevVars, migrateLocal, seedDemoUsers } from './edge-setup.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const port = process.argv[2] ?? '8788';
const persistTo = '.wrangler/e2e';

rmSync(persistTo, { recursive: true, force: true });
mkdirSync(persistTo, { recursive: true });
await ensureDevVars();
await migrateLocal({ persistTo });
await seedDemoUsers({ persistTo, credentialsFile: `${persistTo}/credentials.json` });

const child = spawn(
	process.execPath,
	[
		'node_modules/wrangler/bin/wrangler.js',
		'dev',
		'--ip',
		'127.0.0.1',
		'--port',
		port,
		'--persist-to',
		persistTo,
		'--log-level',
		'warn'
	],
	{ stdio: 'inherit', env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } }
);
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
