// Import benchmark (issue #3): a 1,000,000-row OHLCV CSV generated in memory, timed through
// parse → quality report → columnar series, three ways in the same run:
//   1. AXON chunked: readBarsChunked over 1 MiB text chunks (the worker's streaming path),
//   2. AXON on Papa Parse: readBarsLenient (Papa's step API over the whole string),
//   3. Papa Parse alone (fastMode, no quality checks) into Float64Arrays: the peer's floor.
// The target is < 3 s for path 1 (the data worker, one core). Run: `npm run bench import`
// (node --import tsx bench/import.bench.ts); BENCH_ROWS=100000 for a quick check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import Papa from 'papaparse';
import { readBarsChunked } from '../src/lib/core/data/read-bars-chunked';
import { readBarsLenient } from '../src/lib/core/data/read-bars-lenient';
import type { RawBars } from '../src/lib/core/data/raw-bars';
import { applyFixes, assessQuality } from '../src/lib/core/quality';
import { NO_FIXES } from '../src/lib/pipeline/no-fixes';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 3;
const CHUNK = 2 ** 20;
const MINUTE = 60_000;

function makeCsv(rows: number): string {
	const t0 = Date.UTC(2020, 0, 1);
	const lines = ['time,open,high,low,close,volume'];
	let price = 100;
	for (let i = 0; i < rows; i++) {
		const open = price;
		price *= 1 + Math.sin(i * 0.7) * 0.001;
		const high = Math.max(open, price) * 1.0005;
		const low = Math.min(open, price) * 0.9995;
		const iso = new Date(t0 + i * MINUTE).toISOString();
		lines.push(
			`${iso},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${price.toFixed(4)},${1000 + (i % 97)}`
		);
	}
	return lines.join('\n') + '\n';
}

function* chunks(text: string): Generator<string> {
	for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

/** Milliseconds per phase of the last `axonChunked` run: read (parse), report, fixes (columnar). */
const phases: Record<'read' | 'report' | 'fixes', number[]> = { read: [], report: [], fixes: [] };

function toColumnar(raw: RawBars, timed = false): number {
	const t0 = performance.now();
	const report = assessQuality(raw);
	const t1 = performance.now();
	const fixed = applyFixes(raw, report, NO_FIXES);
	if (!fixed.ok) throw new Error(fixed.message);
	if (timed) {
		phases.report.push(t1 - t0);
		phases.fixes.push(performance.now() - t1);
	}
	return fixed.value.series.close.length;
}

async function axonChunked(text: string): Promise<number> {
	const t0 = performance.now();
	const r = await readBarsChunked(chunks(text), { symbol: 'BENCH' });
	if (!r.ok) throw new Error(r.message);
	phases.read.push(performance.now() - t0);
	return toColumnar(r.value[0], true);
}

async function axonPapa(text: string): Promise<number> {
	const r = readBarsLenient(text, { symbol: 'BENCH' });
	if (!r.ok) throw new Error(r.message);
	return toColumnar(r.value);
}

async function papaOnly(text: string): Promise<number> {
	const parsed = Papa.parse<string[]>(text, {
		header: false,
		fastMode: true,
		skipEmptyLines: true
	});
	const rows = parsed.data.slice(1);
	const columns = Array.from({ length: 6 }, () => new Float64Array(rows.length));
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		columns[0][i] = Date.parse(r[0]);
		for (let k = 1; k < 6; k++) columns[k][i] = Number(r[k]);
	}
	return columns[0].length;
}

async function median(fn: () => Promise<number>): Promise<{ ms: number; rows: number }> {
	const ms: number[] = [];
	let rows = 0;
	for (let r = 0; r < RUNS; r++) {
		const t = performance.now();
		rows = await fn();
		ms.push(performance.now() - t);
	}
	return { ms: ms.sort((a, b) => a - b)[Math.floor(RUNS / 2)], rows };
}

const text = makeCsv(ROWS);
const results = {
	axon_chunked: await median(() => axonChunked(text)),
	axon_papaparse: await median(() => axonPapa(text)),
	papaparse_only: await median(() => papaOnly(text))
};
for (const [name, r] of Object.entries(results))
	if (r.rows !== ROWS) throw new Error(`${name} produced ${r.rows} rows, expected ${ROWS}`);

const mb = (text.length / 2 ** 20).toFixed(0);
console.log(
	[
		`| ${ROWS.toLocaleString()} rows, ${mb} MB CSV, median of ${RUNS} | ms | rows/s |`,
		'|---|---:|---:|',
		...Object.entries(results).map(
			([name, r]) =>
				`| ${name} | ${r.ms.toFixed(0)} | ${Math.round(ROWS / (r.ms / 1000)).toLocaleString()} |`
		),
		'',
		`axon_chunked phases (median ms): ${Object.entries(phases)
			.map(([name, ms]) => `${name} ${ms.sort((a, b) => a - b)[Math.floor(RUNS / 2)].toFixed(0)}`)
			.join(', ')}`,
		'',
		`target: axon_chunked < 3000 ms → ${results.axon_chunked.ms < 3000 ? 'met' : 'NOT met'} on this machine`
	].join('\n')
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/import.json',
	JSON.stringify(
		{
			machine: `${cpus()[0]?.model} × ${cpus().length}`,
			node: process.version,
			rows: ROWS,
			bytes: text.length,
			results,
			axonChunkedPhases: Object.fromEntries(
				Object.entries(phases).map(([k, ms]) => [k, ms.sort((a, b) => a - b)[Math.floor(RUNS / 2)]])
			)
		},
		null,
		2
	)
);
