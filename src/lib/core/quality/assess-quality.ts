import type { CellIssue, RawBars } from '../data/raw-bars';
import { findDuplicateTimes } from './find-duplicate-times';
import { findGaps, type FindGapsOptions, type Gap, type GapRule } from './find-gaps';
import { findInvalidCells, type InvalidCells } from './find-invalid-cells';
import { findNonMonotonic } from './find-non-monotonic';
import { findNonPositivePrices } from './find-non-positive-prices';
import { findOhlcInconsistencies } from './find-ohlc-inconsistencies';
import { DEFAULT_OUTLIER_Z, findReturnOutliers } from './find-return-outliers';
import { findVolumeProblems } from './find-volume-problems';
import { qualityScore, type FindingShares } from './quality-score';
import { LISTED_ROWS, rowFinding, type RowFinding } from './row-finding';
import { timeOrder } from './time-order';

export interface AssessQualityOptions extends FindGapsOptions {
	/** |modified z| of a log return above which it is an outlier. Default 10. */
	outlierZ?: number;
}

/** What `assessQuality` found. Row lists hold the first 20 source rows (or indices); counts are totals. */
export interface QualityReport {
	symbol: string;
	bars: number;
	/** How `rows` number the bars: file rows (header = row 1) or JSON array indices. */
	originWord: RawBars['originWord'];
	/** 0–100, see `qualityScore`. */
	score: number;
	/** Points each finding cost. */
	penalties: FindingShares;
	gaps: {
		rule: GapRule;
		spacingMs: number;
		spacingInferred: boolean;
		count: number;
		missingBars: number;
		/** Gaps within the holiday tolerance (likely exchange holidays): reported, not penalised. */
		shortGaps: number;
		first: Gap[];
	};
	duplicates: RowFinding;
	nonMonotonic: RowFinding;
	ohlcInconsistent: RowFinding & {
		highBelowLow: number;
		openOutside: number;
		closeOutside: number;
	};
	invalidCells: RowFinding & Pick<InvalidCells, 'cells' | 'byColumn'> & { examples: CellIssue[] };
	nonPositivePrices: RowFinding;
	outliers: RowFinding & {
		threshold: number;
		medianLogReturn: number;
		madLogReturn: number;
		first: { row: number; logReturn: number; z: number }[];
	};
	zeroVolume: RowFinding;
	negativeVolume: RowFinding;
}

/**
 * Reports everything questionable in raw bars without changing them: missing bars (gaps, weekend-
 * and holiday-aware for daily data, see `findGaps`), duplicate and out-of-order times, OHLC
 * contradictions, non-finite cells by column, non-positive prices, outlying log returns (modified
 * z-score, see `findReturnOutliers`), zero and negative volume, and a 0–100 score (see
 * `qualityScore`). Feed the report to `applyFixes` to get a clean series.
 *
 * @example
 * const raw = readBarsLenient(text, { symbol: 'X' });
 * if (raw.ok) assessQuality(raw.value).score; // 99.6
 */
export function assessQuality(raw: RawBars, opts: AssessQualityOptions = {}): QualityReport {
	const n = raw.time.length;
	const order = timeOrder(raw);
	const gaps = findGaps(raw, opts, order);
	const duplicates = findDuplicateTimes(raw, order);
	const nonMonotonic = findNonMonotonic(raw);
	const ohlc = findOhlcInconsistencies(raw);
	const invalid = findInvalidCells(raw);
	const nonPositive = findNonPositivePrices(raw);
	const outliers = findReturnOutliers(raw, opts.outlierZ ?? DEFAULT_OUTLIER_Z, order);
	const volume = findVolumeProblems(raw);
	const share = (count: number) => (n === 0 ? 0 : count / n);
	const { score, penalties } = qualityScore({
		invalidCells: share(invalid.bars.length),
		nonPositivePrices: share(nonPositive.length),
		ohlcInconsistent: share(ohlc.bars.length),
		duplicates: share(duplicates.length),
		nonMonotonic: share(nonMonotonic.length),
		outliers: share(outliers.outliers.length),
		gaps: n === 0 ? 0 : gaps.missingBars / (n + gaps.missingBars),
		volume: share(volume.zero.length + volume.negative.length)
	});
	return {
		symbol: raw.symbol,
		bars: n,
		originWord: raw.originWord,
		score,
		penalties,
		gaps: {
			rule: gaps.rule,
			spacingMs: gaps.spacingMs,
			spacingInferred: gaps.spacingInferred,
			count: gaps.gaps.length,
			missingBars: gaps.missingBars,
			shortGaps: gaps.shortGaps,
			first: gaps.gaps.slice(0, LISTED_ROWS)
		},
		duplicates: rowFinding(raw, duplicates),
		nonMonotonic: rowFinding(raw, nonMonotonic),
		ohlcInconsistent: {
			...rowFinding(raw, ohlc.bars),
			highBelowLow: ohlc.highBelowLow,
			openOutside: ohlc.openOutside,
			closeOutside: ohlc.closeOutside
		},
		invalidCells: {
			...rowFinding(raw, invalid.bars),
			cells: invalid.cells,
			byColumn: invalid.byColumn,
			examples: raw.issues.slice(0, LISTED_ROWS)
		},
		nonPositivePrices: rowFinding(raw, nonPositive),
		outliers: {
			...rowFinding(
				raw,
				outliers.outliers.map((o) => o.bar)
			),
			threshold: outliers.threshold,
			medianLogReturn: outliers.median,
			madLogReturn: outliers.mad,
			first: outliers.outliers
				.slice(0, LISTED_ROWS)
				.map((o) => ({ row: raw.origin[o.bar], logReturn: o.logReturn, z: o.z }))
		},
		zeroVolume: rowFinding(raw, volume.zero),
		negativeVolume: rowFinding(raw, volume.negative)
	};
}
