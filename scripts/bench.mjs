// `npm run bench`: runs every benchmark in bench/ (never part of `npm test`), one at a time so they
// don't compete for the 2 cores. Each benchmark prints a markdown table and writes JSON to
// bench/results/; BENCHMARKS.md records the figures with this command and the machine.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ensureNodeModules, mustRun, SWIFTSHADER_ICD } from './lib/ensure.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
ensureNodeModules();
const only = process.argv[2];
const files = readdirSync('bench')
	.filter((f) => /\.bench\.(mjs|ts)$/.test(f))
	.filter((f) => !only || f.includes(only))
	.sort();
console.log(
	`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
);
for (const f of files) {
	console.log(`\n━━ bench/${f} ━━`);
	const args = f.endsWith('.ts') ? ['--import', 'tsx', `bench/${f}`] : [`bench/${f}`];
	mustRun(process.execPath, args, { env: { VK_ICD_FILENAMES: SWIFTSHADER_ICD } });
}
