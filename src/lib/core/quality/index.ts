export { assessQuality, type AssessQualityOptions, type QualityReport } from './assess-quality';
export { applyFixes, type FixOptions, type FixedSeries } from './apply-fixes';
export { qualityScore, SCORE_WEIGHTS, type FindingShares } from './quality-score';
export {
	findGaps,
	type FindGapsOptions,
	type Gap,
	type GapFindings,
	type GapRule
} from './find-gaps';
export { findDuplicateTimes } from './find-duplicate-times';
export { findNonMonotonic } from './find-non-monotonic';
export { findOhlcInconsistencies, type OhlcInconsistencies } from './find-ohlc-inconsistencies';
export { findInvalidCells, type InvalidCells } from './find-invalid-cells';
export { findNonPositivePrices } from './find-non-positive-prices';
export { findVolumeProblems } from './find-volume-problems';
export {
	findReturnOutliers,
	DEFAULT_OUTLIER_Z,
	type ReturnOutlier,
	type ReturnOutliers
} from './find-return-outliers';
export { modifiedZScores } from './modified-z-scores';
export { countWeekdays } from './count-weekdays';
export { median } from './median';
export { LISTED_ROWS, type RowFinding } from './row-finding';
