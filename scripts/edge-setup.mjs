// Local edge setup: the AUTH_SECRET in .dev.vars, D1 migrations, and four demo users with fresh
// random passwords (one per role) plus one example experiment. Node built-ins only.
//
//   node scripts/edge-setup.mjs      # all three steps; prints the demo credentials
//
// scripts/start.mjs imports ensureDevVars, migrateLocal and seedDemoUsers from here.
// Password hashing must match worker/src/auth/password.ts exactly: PBKDF2-HMAC-SHA256, 100,000
// iterations, 16-byte random salt, 32-byte output, both hex encoded, password as UTF-8.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_VARS = join(ROOT, '.dev.vars');
const CREDENTIALS = join(ROOT, '.demo-credentials.json');
const DATABASE = 'axon';

export const PBKDF2_ITERATIONS = 100_000;

export const DEMO_USERS = [
	{ email: 'researcher@axon.local', role: 'researcher', display_name: 'Demo Researcher' },
	{ email: 'engineer@axon.local', role: 'data_engineer', display_name: 'Demo Data Engineer' },
	{ email: 'architect@axon.local', role: 'ai_architect', display_name: 'Demo AI Architect' },
	{ email: 'observer@axon.local', role: 'observer', display_name: 'Demo Observer' }
];

/** Writes .dev.vars with a random AUTH_SECRET unless one is already there. Returns true if it wrote. */
export async function ensureDevVars() {
	const current = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
	if (/^AUTH_SECRET\s*=\s*\S{32,}/m.test(current)) return false;
	const secret = randomBytes(48).toString('base64url');
	const prefix = current && !current.endsWith('\n') ? `${current}\n` : current;
	// 0600: the signing key is as good as every user's session.
	writeFileSync(DEV_VARS, `${prefix}AUTH_SECRET="${secret}"\n`, { mode: 0o600 });
	return true;
}

/** `--persist-to DIR` keeps a separate local state (the e2e tests use their own, fresh each run). */
const persistArgs = (persistTo) => (persistTo ? ['--persist-to', persistTo] : []);

/** Applies worker/migrations to the local D1 database (what `wrangler dev` uses). Throws on failure. */
export async function migrateLocal({ persistTo } = {}) {
	wrangler(['d1', 'migrations', 'apply', DATABASE, '--local', ...persistArgs(persistTo)]);
}

/**
 * Upserts the four demo users with new random passwords (so no password is ever shared between
 * machines or committed), adds the example experiment once, saves the credentials to
 * .demo-credentials.json (git-ignored, mode 0600) and returns them.
 * @returns {Promise<{ email: string, role: string, display_name: string, password: string }[]>}
 */
export async function seedDemoUsers({ persistTo, credentialsFile = CREDENTIALS } = {}) {
	const users = [];
	for (const user of DEMO_USERS) {
		const password = randomBytes(15).toString('base64url');
		users.push({ ...user, password, ...(await hashPassword(password)) });
	}
	const now = new Date().toISOString();
	const statements = users.map(
		(u) =>
			`INSERT INTO users (id, email, display_name, role, permissions, password_hash, password_salt, password_iterations, created_at)
VALUES (${sql(`demo-${u.role}`)}, ${sql(u.email)}, ${sql(u.display_name)}, ${sql(u.role)}, '[]', ${sql(u.hash)}, ${sql(u.salt)}, ${u.iterations}, ${sql(now)})
ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
  password_hash = excluded.password_hash, password_salt = excluded.password_salt,
  password_iterations = excluded.password_iterations;`
	);
	statements.push(demoExperimentSql(now));
	statements.push(
		`INSERT INTO audit_log (actor_id, action, target_type, ip, details, created_at)
VALUES (NULL, 'seed.demo_users', 'user', NULL, ${sql(JSON.stringify({ emails: users.map((u) => u.email) }))}, ${sql(now)});`
	);
	executeSql(statements.join('\n'), persistTo);

	const credentials = users.map(({ email, role, display_name, password }) => ({
		email,
		role,
		display_name,
		password
	}));
	writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, '\t')}\n`, { mode: 0o600 });
	return credentials;
}

/** PBKDF2-HMAC-SHA256 through Node's WebCrypto: byte-for-byte what the Worker computes. */
export async function hashPassword(
	password,
	salt = randomBytes(16),
	iterations = PBKDF2_ITERATIONS
) {
	const key = await webcrypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(password),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const bits = await webcrypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		256
	);
	return {
		hash: Buffer.from(bits).toString('hex'),
		salt: Buffer.from(salt).toString('hex'),
		iterations
	};
}

/**
 * One example experiment for the researcher, configured on the bundled TTRC daily dataset (content
 * hash computed from the file, so it is the real one). Status `created`, no results: nothing has run.
 */
function demoExperimentSql(now) {
	const csv = readFileSync(join(ROOT, 'static/datasets/ttrc_daily_ohlcv.csv'));
	const rows =
		csv
			.toString('utf8')
			.split('\n')
			.filter((l) => l.trim() !== '').length - 1;
	const experiment = {
		model_config: { model_type: 'gru', window: 32, units: 16 },
		data_config: {
			dataset: 'ttrc_daily_ohlcv',
			source: '/datasets/ttrc_daily_ohlcv.csv',
			content_hash: createHash('sha256').update(csv).digest('hex'),
			rows,
			features: ['open', 'high', 'low', 'close', 'volume'],
			train_fraction: 0.8
		},
		training_config: {
			seed: 42,
			epochs: 10,
			batch_size: 64,
			learning_rate: 0.001,
			backend: 'webgpu'
		},
		backtest_config: { threshold: 0, fee_bps: 10, periods_per_year: 252 }
	};
	// INSERT OR IGNORE with a fixed id: re-running the seed never duplicates or overwrites it.
	return `INSERT OR IGNORE INTO experiments (id, owner_id, name, description, status, model_config, data_config, training_config, backtest_config, results, created_at, updated_at)
SELECT 'demo-experiment-1', id, 'GRU on TTRC daily (demo)', 'Example experiment created by the demo seed; open it and run it in the browser.', 'created',
  ${sql(JSON.stringify(experiment.model_config))}, ${sql(JSON.stringify(experiment.data_config))},
  ${sql(JSON.stringify(experiment.training_config))}, ${sql(JSON.stringify(experiment.backtest_config))}, NULL, ${sql(now)}, ${sql(now)}
FROM users WHERE email = 'researcher@axon.local';`;
}

/** A SQL string literal. Single quotes are the only character that needs escaping in SQLite text. */
function sql(value) {
	return `'${String(value).replace(/'/g, "''")}'`;
}

function executeSql(text, persistTo) {
	// A file rather than --command: no shell quoting, and the passwords' hashes never appear in `ps`.
	const dir = mkdtempSync(join(tmpdir(), 'axon-seed-'));
	const file = join(dir, 'seed.sql');
	try {
		writeFileSync(file, text, { mode: 0o600 });
		wrangler([
			'd1',
			'execute',
			DATABASE,
			'--local',
			'--yes',
			'--file',
			file,
			...persistArgs(persistTo)
		]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function wrangler(args) {
	const local = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
	const [cmd, argv] = existsSync(local)
		? [process.execPath, [local, ...args]]
		: ['npx', ['wrangler', ...args]];
	// CI=true and no stdin: wrangler skips its confirmation prompts instead of waiting for a keypress.
	const r = spawnSync(cmd, argv, {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
	});
	if (r.error) throw r.error;
	if (r.status !== 0) {
		throw new Error(
			`wrangler ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`
		);
	}
	return r.stdout;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const wrote = await ensureDevVars();
	console.log(
		wrote ? '• Wrote .dev.vars with a new AUTH_SECRET' : '• .dev.vars already has an AUTH_SECRET'
	);
	await migrateLocal();
	console.log('• Applied D1 migrations (local)');
	const users = await seedDemoUsers();
	console.log('• Demo users (new passwords; also in .demo-credentials.json):');
	for (const u of users)
		console.log(`    ${u.role.padEnd(14)} ${u.email.padEnd(24)} ${u.password}`);
}
