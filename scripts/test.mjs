// `npm test`: installs what is missing, then runs every layer — types, lint, formatting, unit tests,
// WebGPU kernel twins (Dawn + SwiftShader), edge tests on the real workerd runtime, and end-to-end
// tests in Debian's Chromium with WebGPU. Ends with one plain line: "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowserAndVulkan, ensureNodeModules, run, SWIFTSHADER_ICD } from './lib/ensure.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
ensureNodeModules();
ensureBrowserAndVulkan();
rmSync('artifacts/results', { recursive: true, force: true });
mkdirSync('artifacts/results', { recursive: true });

const env = { VK_ICD_FILENAMES: SWIFTSHADER_ICD, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const layers = [];

function step(name, cmd, args, count) {
	console.log(`\n━━ ${name} ━━`);
	const status = run(cmd, args, { env });
	const counted = count?.() ?? { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
	// A runner that crashed before writing its report still fails the run.
	if (status !== 0 && counted.failed === 0) counted.failed = 1;
	layers.push({ name, status, ...counted });
}

const vitestCount = (file) => () => {
	if (!existsSync(file)) return { passed: 0, failed: 0 };
	const r = JSON.parse(readFileSync(file, 'utf8'));
	return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrors ?? 0) };
};
const vitest = (name, args, file) =>
	step(
		name,
		'npx',
		[
			'vitest',
			'run',
			...args,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${file}`
		],
		vitestCount(file)
	);

step('svelte-kit sync', 'npx', ['svelte-kit', 'sync']);
step('types (svelte-check, strict)', 'npx', [
	'svelte-check',
	'--tsconfig',
	'./tsconfig.json',
	'--fail-on-warnings'
]);
step('types (edge worker)', 'npx', ['tsc', '--noEmit', '-p', 'worker/tsconfig.json']);
step('lint (eslint)', 'npx', ['eslint', '.']);
step('format (prettier)', 'npx', ['prettier', '--check', '.']);
vitest('unit tests', ['--project', 'unit'], 'artifacts/results/unit.json');
vitest(
	'WebGPU kernel twins (Dawn + SwiftShader)',
	['--project', 'gpu'],
	'artifacts/results/gpu.json'
);
vitest(
	'edge tests (workerd, local D1/DO)',
	['--config', 'vitest.edge.config.ts'],
	'artifacts/results/edge.json'
);
step('build', 'npx', ['vite', 'build']);
step('end-to-end (Chromium + WebGPU)', 'npx', ['playwright', 'test'], () => {
	const file = 'artifacts/results/e2e.json';
	if (!existsSync(file)) return { passed: 0, failed: 0 };
	const { stats } = JSON.parse(readFileSync(file, 'utf8'));
	return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
});

console.log('\n━━ summary ━━');
for (const l of layers) {
	console.log(
		`${l.status === 0 ? '✔' : '✖'} ${l.name.padEnd(44)} ${l.passed} passed, ${l.failed} failed`
	);
}
const passed = layers.reduce((s, l) => s + l.passed, 0);
const failed = layers.reduce((s, l) => s + l.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || layers.some((l) => l.status !== 0) ? 1 : 0);
