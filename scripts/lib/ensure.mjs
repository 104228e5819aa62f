// What `npm start` and `npm test` need before they can run anything else. Node built-ins only: on a
// fresh clone nothing from node_modules exists yet.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
export const CHROMIUM = '/usr/bin/chromium';

export function run(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, {
		stdio: 'inherit',
		...opts,
		env: { ...process.env, ...opts.env }
	});
	if (r.error) throw r.error;
	return r.status ?? 1;
}

export function mustRun(cmd, args, opts = {}) {
	const status = run(cmd, args, opts);
	if (status !== 0) {
		console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${status})`);
		process.exit(status);
	}
}

/** Installs npm packages when node_modules is missing or older than the lockfile. */
export function ensureNodeModules() {
	// A linked node_modules (a worktree sharing another checkout's packages): `npm ci` would delete
	// the packages of the checkout it points to. Use it as it is.
	if (existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink()) {
		console.log(
			'• node_modules is a symbolic link: using it as it is (npm ci would empty its target).'
		);
		return;
	}
	const marker = 'node_modules/.package-lock.json';
	const fresh =
		existsSync(marker) &&
		existsSync('package-lock.json') &&
		statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs;
	if (fresh) return;
	console.log('• Installing npm packages (npm ci)…');
	// Playwright drives Debian's chromium; it must never try to download a browser of its own.
	mustRun('npm', ['ci', '--no-audit', '--no-fund'], {
		env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
	});
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function hasLibVulkan() {
	const r = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.includes('libvulkan.so.1');
}

/**
 * Debian's chromium (the browser for end-to-end tests, and the SwiftShader Vulkan driver that Dawn
 * uses in Node) and libvulkan1 (Dawn's loader). Installed with apt when running as root.
 */
export function ensureBrowserAndVulkan() {
	const missing = [];
	if (!existsSync(CHROMIUM) || !existsSync(SWIFTSHADER_ICD)) missing.push('chromium');
	if (!hasLibVulkan()) missing.push('libvulkan1');
	if (missing.length === 0) return;
	if (!isRoot()) {
		console.error(
			`✖ Missing Debian packages: ${missing.join(', ')}.\n  Install them once with:  sudo apt-get install -y ${missing.join(' ')}\n  (tests need Chromium with WebGPU and its SwiftShader Vulkan driver).`
		);
		process.exit(1);
	}
	console.log(`• Installing Debian packages: ${missing.join(', ')}…`);
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	mustRun('apt-get', ['update', '-qq'], { env });
	mustRun('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

export function readJson(path) {
	return JSON.parse(readFileSync(path, 'utf8'));
}
