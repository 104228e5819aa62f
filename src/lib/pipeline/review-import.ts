/**
 * Import with review: read leniently → quality report → the user picks fix options → apply → store.
 * Nothing is stored until the user commits, and a `reject` option refuses the file with the first
 * offending row named.
 *
 * Files (CSV/TSV, JSON, Parquet) are read here, in the data worker: delimited text is streamed from
 * `Blob.stream()` in chunks (never one big string), a file over `MAX_IMPORT_BYTES` is refused by its
 * declared size before a byte is read, and a file with a symbol column becomes one import per symbol.
 */
import {
	checkImportSize,
	detectImportFormat,
	readBarsChunked,
	readBarsJson,
	readBarsLenient,
	readBarsParquet,
	type RawBars
} from '$lib/core/data';
import { applyFixes, assessQuality, type FixOptions, type QualityReport } from '$lib/core/quality';
import { err, ok, type Result } from '$lib/core/result';
import type { ProgressFn } from './progress';
export { NO_FIXES } from './no-fixes';

export interface InspectedImport {
	raw: RawBars;
	report: QualityReport;
	/** True when no finding needs a decision (gaps and outliers are information, kept by default). */
	clean: boolean;
}

export function needsDecision(report: QualityReport): boolean {
	return (
		report.duplicates.count > 0 ||
		report.nonMonotonic.count > 0 ||
		report.invalidCells.count > 0 ||
		report.nonPositivePrices.count > 0 ||
		report.ohlcInconsistent.count > 0 ||
		report.negativeVolume.count > 0
	);
}

/** Assesses bars already read. */
export function inspectRaw(raw: RawBars): Result<InspectedImport> {
	if (raw.time.length === 0) return err('bad_input', 'The file has a header but no bars.');
	const report = assessQuality(raw);
	return ok({ raw, report, clean: !needsDecision(report) });
}

export function inspectCsv(text: string, symbol: string): Result<InspectedImport> {
	const raw = readBarsLenient(text, { symbol });
	return raw.ok ? inspectRaw(raw.value) : raw;
}

/** Chunks of a blob decoded as UTF-8 (fatal: invalid bytes throw), reporting bytes read. */
async function* textChunks(blob: Blob, onBytes: (read: number) => void): AsyncGenerator<string> {
	const reader = blob.stream().getReader();
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let read = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		read += value.byteLength;
		onBytes(read);
		yield decoder.decode(value, { stream: true });
	}
	const tail = decoder.decode();
	if (tail) yield tail;
}

/**
 * Reads one file (any supported format) into one `RawBars` per symbol. `symbol` names the series
 * when the file has no symbol column. Progress is the fraction of bytes read.
 */
export async function readImportFile(
	file: Blob,
	meta: { name: string; symbol: string },
	onProgress?: ProgressFn
): Promise<Result<RawBars[]>> {
	const tooLarge = checkImportSize(file);
	if (tooLarge) return tooLarge;
	if (file.size === 0) return err('bad_input', 'empty file');
	const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
	const format = detectImportFormat(meta.name, head);
	const report = (read: number) =>
		onProgress?.({ phase: 'read', fraction: read / file.size, message: `Reading ${meta.name}` });
	if (format === 'parquet') {
		const bytes = await file.arrayBuffer();
		report(file.size);
		return readBarsParquet(bytes, { symbol: meta.symbol });
	}
	try {
		if (format === 'json') {
			const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
			report(file.size);
			const raw = readBarsJson(text, { symbol: meta.symbol });
			return raw.ok ? ok([raw.value]) : raw;
		}
		return await readBarsChunked(textChunks(file, report), { symbol: meta.symbol });
	} catch (e) {
		if (e instanceof TypeError && /decod|encod/i.test(e.message))
			return err('bad_input', 'The file is not UTF-8 text. Export it as CSV, JSON or Parquet.');
		throw e;
	}
}

export { applyFixes, type FixOptions };
