import { readFileSync } from 'node:fs';
import { messyOhlcvCsv } from './messy-ohlcv-csv';
import { readBarsChunked } from './read-bars-chunked';
import { readBarsLenient } from './read-bars-lenient';
import type { RawBars } from './raw-bars';
import { applyFixes, assessQuality, type FixOptions } from '../quality';

/** FNV-1a over the bytes of a typed array: a bit-exact fingerprint of a column. */
export function fingerprint(column: Float64Array | Int32Array): string {
	const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
	let h = 0x811c9dc5;
	for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
	return `${column.length}:${h.toString(16)}`;
}

/** JSON-safe and exact: non-finite numbers and -0 as strings, finite doubles round-trip exactly. */
export const exactJson = (value: unknown): unknown =>
	JSON.parse(
		JSON.stringify(value, (_, v) =>
			typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))
				? `#${Object.is(v, -0) ? '-0' : String(v)}`
				: ArrayBuffer.isView(v) && !(v instanceof DataView)
					? fingerprint(v as Float64Array)
					: v
		)
	);

export const FIX_OPTION_SETS: FixOptions[] = [
	{
		duplicates: 'reject',
		invalid: 'reject',
		nonMonotonic: 'reject',
		outliers: 'keep',
		ohlc: 'keep'
	},
	{ duplicates: 'keep_first', invalid: 'drop', nonMonotonic: 'sort', outliers: 'keep' },
	{
		duplicates: 'keep_last',
		invalid: 'forward_fill',
		nonMonotonic: 'sort',
		outliers: 'drop',
		ohlc: 'drop'
	},
	{
		duplicates: 'keep_first',
		invalid: 'forward_fill',
		nonMonotonic: 'sort',
		outliers: 'keep',
		ohlc: 'reject'
	}
];

function chunksOf(text: string, size: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
	return out;
}

const describeRaw = (raw: RawBars) => exactJson(raw);

/** Everything the import path produces for a file, as exact JSON: raw bars, report, fixed series. */
export async function importOutcome(text: string, symbol: string): Promise<unknown> {
	const chunked = await readBarsChunked(chunksOf(text, 4099), { symbol });
	const lenient = readBarsLenient(text, { symbol });
	if (!chunked.ok || !lenient.ok) return exactJson({ chunked, lenient });
	const raw = chunked.value[0];
	const report = assessQuality(raw);
	return {
		chunked: chunked.value.map(describeRaw),
		lenient: describeRaw(lenient.value),
		report: exactJson(report),
		fixed: FIX_OPTION_SETS.map((opts) => exactJson(applyFixes(raw, report, opts)))
	};
}

/**
 * The outcomes `fixtures/import-golden.json` holds: the real TTRC file and two messy synthetic files.
 * Regenerate (only for an intended change of results) from the repository root: print
 * `JSON.stringify(await goldenOutcomes(), null, '\t')` with `node --import tsx`, format it with
 * `npx prettier --stdin-filepath x.json` and write it to `fixtures/import-golden.json`.
 */
export async function goldenOutcomes(): Promise<Record<'ttrc' | 'messy' | 'messySmall', unknown>> {
	const real = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
	return {
		ttrc: await importOutcome(real, 'TTRC'),
		messy: await importOutcome(messyOhlcvCsv(6000, 7), 'MESSY'),
		messySmall: await importOutcome(messyOhlcvCsv(300, 11), 'MESSY')
	};
}
