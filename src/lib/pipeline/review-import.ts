/**
 * Import with review: read leniently → quality report → the user picks fix options → apply → store.
 * Nothing is stored until the user commits, and a `reject` option refuses the file with the first
 * offending row named.
 */
import { readBarsLenient, type RawBars } from '$lib/core/data';
import { applyFixes, assessQuality, type FixOptions, type QualityReport } from '$lib/core/quality';
import { err, ok, type Result } from '$lib/core/result';
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

export function inspectCsv(text: string, symbol: string): Result<InspectedImport> {
	const raw = readBarsLenient(text, { symbol });
	if (!raw.ok) return raw;
	if (raw.value.time.length === 0) return err('bad_input', 'The file has a header but no bars.');
	const report = assessQuality(raw.value);
	return ok({ raw: raw.value, report, clean: !needsDecision(report) });
}

export { applyFixes, type FixOptions };
