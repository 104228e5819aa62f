// `npm start`: installs what is missing, builds the SPA, applies D1 migrations locally, seeds the
// demo users (fresh passwords, printed below, never committed) and serves everything from one local
// edge: http://127.0.0.1:8787 (SPA + /api/v1 + WebSockets).
import { spawn } from 'node:child_process';
import { ensureNodeModules, mustRun } from './lib/ensure.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8787);

ensureNodeModules();
console.log('• Building the app (vite build)…');
mustRun('npx', ['vite', 'build', '--logLevel', 'warn']);

const edge = await import('./edge-setup.mjs');
await edge.ensureDevVars();
console.log('• Applying D1 migrations to the local database…');
await edge.migrateLocal();
console.log('• Seeding demo users…');
const users = await edge.seedDemoUsers();

console.log('• Starting the local edge (wrangler dev)…');
const child = spawn(
	'npx',
	['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'],
	{
		stdio: ['ignore', 'inherit', 'inherit']
	}
);
const stop = () => child.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));

const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 120; i++) {
	const up = await fetch(`${url}/api/v1/health`).then(
		(r) => r.ok,
		() => false
	);
	if (up) break;
	await new Promise((r) => setTimeout(r, 500));
}
console.log(`
  AXON is running at ${url}

  Demo sign-in (passwords generated now for this machine; also in .demo-credentials.json):
${users.map((u) => `    ${u.role.padEnd(14)} ${u.email.padEnd(24)} ${u.password}`).join('\n')}

  Press Ctrl+C to stop.
`);
