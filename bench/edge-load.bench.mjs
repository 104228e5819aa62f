#!/usr/bin/env node
// Edge load generator: N concurrent clients (default 50) hammer the local edge for a fixed duration
// per target and report req/s, p50/p95/p99 latency and errors. Targets (comma list, --targets):
//   experiments  GET  /api/v1/experiments?limit=20            (owner-scoped keyset listing)
//   metrics      POST /api/v1/experiments/{id}/runs/{runId}/metrics  {points:[{name,step,value}…]}
// A target whose route answers 404 (not built yet) is skipped with a note.
//
// By default it starts its own `wrangler dev` on 127.0.0.1:8790 with a fresh state dir
// (.wrangler/bench: migrated, demo users seeded) and the per-user rate limit raised for that process
// only (--var RATE_LIMIT_PER_MINUTE:10000000), then stops it. --url http://127.0.0.1:PORT uses a
// running edge instead (then pass --email/--password, or it reads .wrangler/bench/credentials.json).
//
//   node bench/edge-load.bench.mjs [--duration 20] [--clients 50] [--targets experiments,metrics]
//                                  [--points 50] [--url http://127.0.0.1:8790] [--runtime miniflare]
// Not part of the test suite: it measures speed. Loopback only, so the numbers are the Worker's and
// workerd's local cost, not the network's; compare runs on the same machine only.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { ensureDevVars, migrateLocal, seedDemoUsers } from '../scripts/edge-setup.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const { values: opts } = parseArgs({
	options: {
		duration: { type: 'string', default: '20' },
		clients: { type: 'string', default: '50' },
		targets: { type: 'string', default: 'experiments,metrics' },
		points: { type: 'string', default: '50' },
		port: { type: 'string', default: '8790' },
		// 'wrangler': `wrangler dev` (what `npm start` runs: a Node proxy in front of workerd);
		// 'miniflare': the same bundle, bindings and state in workerd through Miniflare, no dev proxy.
		runtime: { type: 'string', default: 'wrangler' },
		url: { type: 'string' },
		email: { type: 'string' },
		password: { type: 'string' }
	}
});
const DURATION_MS = Number(opts.duration) * 1000;
const CLIENTS = Number(opts.clients);
const POINTS = Number(opts.points);
const STATE = '.wrangler/bench';
const CREDENTIALS = `${STATE}/credentials.json`;

// ── server ───────────────────────────────────────────────────────────────────────────────────────
let server = null;
async function startServer(port) {
	rmSync(STATE, { recursive: true, force: true });
	mkdirSync(STATE, { recursive: true });
	mkdirSync('build', { recursive: true }); // wrangler refuses a missing assets dir
	await ensureDevVars();
	await migrateLocal({ persistTo: STATE });
	await seedDemoUsers({ persistTo: STATE, credentialsFile: CREDENTIALS });
	if (opts.runtime === 'miniflare') return startMiniflare(port);
	server = spawn(
		process.execPath,
		[
			'node_modules/wrangler/bin/wrangler.js',
			'dev',
			'--ip',
			'127.0.0.1',
			'--port',
			port,
			'--persist-to',
			STATE,
			'--log-level',
			'error',
			'--var',
			'RATE_LIMIT_PER_MINUTE:10000000'
		],
		{
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
		}
	);
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`wrangler dev exited with ${server.exitCode}`);
		try {
			if ((await fetch(`${base}/api/v1/health`)).ok) return base;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('wrangler dev did not answer /api/v1/health within 120 s');
}

/**
 * workerd through Miniflare (wrangler's own copy, with the options wrangler derives from
 * wrangler.toml), serving the bundle `wrangler deploy --dry-run` writes: the real runtime with local
 * D1/DO/R2 in the same state dir, without `wrangler dev`'s proxy.
 */
let miniflare = null;
async function startMiniflare(port) {
	const bundleDir = '.wrangler/bench-bundle';
	const built = spawnSync(
		process.execPath,
		['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', bundleDir],
		{
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }
		}
	);
	if (built.status !== 0) throw new Error('wrangler deploy --dry-run failed');
	const require = createRequire(createRequire(import.meta.url).resolve('wrangler'));
	const { Miniflare } = require('miniflare');
	const { unstable_getMiniflareWorkerOptions } = require('wrangler');
	const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml');
	miniflare = new Miniflare({
		host: '127.0.0.1',
		port: Number(port),
		d1Persist: `${STATE}/v3/d1`,
		r2Persist: `${STATE}/v3/r2`,
		durableObjectsPersist: `${STATE}/v3/do`,
		workers: [
			{
				...workerOptions,
				name: 'axon',
				modules: true,
				scriptPath: `${bundleDir}/index.js`,
				bindings: { ...workerOptions.bindings, RATE_LIMIT_PER_MINUTE: '10000000' }
			}
		]
	});
	return (await miniflare.ready).origin;
}

async function stopServer() {
	if (miniflare) await miniflare.dispose();
	if (!server || server.exitCode !== null) return;
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
	if (server.exitCode === null) server.kill('SIGKILL');
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => void stopServer().then(() => process.exit(130)));
}

// ── setup through the API ────────────────────────────────────────────────────────────────────────
async function api(base, method, path, token, body) {
	const res = await fetch(`${base}${path}`, {
		method,
		headers: {
			...(token ? { Authorization: `Bearer ${token}` } : {}),
			...(body === undefined ? {} : { 'Content-Type': 'application/json' })
		},
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		// keep null
	}
	return { status: res.status, json };
}

function credentials() {
	if (opts.email && opts.password) return { email: opts.email, password: opts.password };
	if (!existsSync(CREDENTIALS)) throw new Error(`No ${CREDENTIALS}; pass --email and --password.`);
	return JSON.parse(readFileSync(CREDENTIALS, 'utf8')).find((c) => c.role === 'researcher');
}

/** Each target: a setup that returns a request factory, or a string saying why it is skipped. */
const TARGETS = {
	// No auth: the runtime's cost per request plus one D1 probe (a floor for the others).
	health: async () => ({ method: 'GET', path: () => '/api/v1/health' }),
	experiments: async () => ({ method: 'GET', path: () => '/api/v1/experiments?limit=20' }),
	metrics: async (base, token) => {
		const exp = await api(base, 'POST', '/api/v1/experiments', token, benchExperiment());
		if (exp.status !== 201) return `could not create an experiment (HTTP ${exp.status})`;
		const run = await api(base, 'POST', `/api/v1/experiments/${exp.json.id}/runs`, token, {
			name: 'bench',
			parameters: {}
		});
		if (run.status === 404) return 'POST /api/v1/experiments/{id}/runs answers 404 (not built yet)';
		if (run.status >= 300) return `could not create a run (HTTP ${run.status})`;
		const path = `/api/v1/experiments/${exp.json.id}/runs/${run.json.id}/metrics`;
		let step = 0;
		const body = () =>
			JSON.stringify({
				points: Array.from({ length: POINTS }, (_, i) => ({
					name: i % 2 ? 'val_loss' : 'loss',
					step: step++,
					value: Math.random()
				}))
			});
		const probe = await api(base, 'POST', path, token, JSON.parse(body()));
		if (probe.status === 404)
			return `POST ${path.replace(/[0-9a-f-]{36}/g, '{id}')} answers 404 (not built yet)`;
		return { method: 'POST', path: () => path, body };
	}
};

function benchExperiment() {
	return {
		name: 'edge-load bench',
		model_config: { model_type: 'gru', window: 32, units: 16 },
		data_config: {
			dataset: 'bench',
			content_hash: 'b'.repeat(64),
			rows: 1000,
			features: ['close'],
			train_fraction: 0.8
		},
		training_config: { seed: 1, epochs: 1, batch_size: 32, learning_rate: 0.001, backend: 'cpu' }
	};
}

// ── load ─────────────────────────────────────────────────────────────────────────────────────────
async function load(base, token, target) {
	const latencies = [];
	const statuses = new Map();
	let errors = 0;
	const started = performance.now();
	const deadline = started + DURATION_MS;
	async function client() {
		while (performance.now() < deadline) {
			const t0 = performance.now();
			try {
				const res = await fetch(`${base}${target.path()}`, {
					method: target.method,
					headers: {
						Authorization: `Bearer ${token}`,
						...(target.body ? { 'Content-Type': 'application/json' } : {})
					},
					...(target.body ? { body: target.body() } : {})
				});
				await res.arrayBuffer();
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
				if (!res.ok) errors++;
			} catch {
				errors++;
				statuses.set('network', (statuses.get('network') ?? 0) + 1);
			}
			latencies.push(performance.now() - t0);
		}
	}
	await Promise.all(Array.from({ length: CLIENTS }, client));
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const q = (p) =>
		latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
	return {
		requests: latencies.length,
		seconds: elapsed,
		rps: latencies.length / elapsed,
		p50_ms: q(0.5),
		p95_ms: q(0.95),
		p99_ms: q(0.99),
		errors,
		statuses: Object.fromEntries(statuses)
	};
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
let exitCode = 0;
try {
	const base = opts.url ?? (await startServer(opts.port));
	const { email, password } = credentials();
	const signIn = await api(base, 'POST', '/api/v1/auth/sign-in', null, { email, password });
	if (signIn.status !== 200) throw new Error(`sign-in failed (HTTP ${signIn.status})`);
	const token = signIn.json.token;
	console.log(
		`Edge ${base} (${opts.url ? 'given URL' : opts.runtime === 'miniflare' ? 'workerd via Miniflare, no dev proxy' : 'wrangler dev'}) · ${CLIENTS} clients · ${DURATION_MS / 1000} s per target · ${machine}`
	);

	const results = {};
	for (const name of opts.targets
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean)) {
		const setup = TARGETS[name];
		if (!setup) {
			console.log(`• ${name}: unknown target (known: ${Object.keys(TARGETS).join(', ')}); skipped`);
			continue;
		}
		const target = await setup(base, token);
		if (typeof target === 'string') {
			console.log(`• ${name}: skipped: ${target}`);
			continue;
		}
		results[name] = await load(base, token, target);
	}

	console.log('\n| target | requests | req/s | p50 ms | p95 ms | p99 ms | errors | statuses |');
	console.log('|---|---:|---:|---:|---:|---:|---:|---|');
	for (const [name, r] of Object.entries(results)) {
		console.log(
			`| ${name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50_ms.toFixed(1)} | ${r.p95_ms.toFixed(1)} | ${r.p99_ms.toFixed(1)} | ${r.errors} | ${JSON.stringify(r.statuses)} |`
		);
	}
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/edge-load.json',
		`${JSON.stringify({ machine, clients: CLIENTS, duration_s: DURATION_MS / 1000, points_per_request: POINTS, results }, null, '\t')}\n`
	);
} catch (e) {
	console.error(`edge-load: ${e instanceof Error ? e.message : e}`);
	exitCode = 1;
} finally {
	await stopServer();
}
process.exit(exitCode);
