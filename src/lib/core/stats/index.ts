/**
 * Honest statistics (issue #6): distributions, Sharpe-ratio inference (PSR, DSR), backtest
 * overfitting (PBO/CSCV), stationary-bootstrap intervals, forecast comparison (Diebold–Mariano with
 * HLN), Hansen's SPA, and the plain-language verdicts the arena shows. Pure maths: runs in pages,
 * workers, Node and the edge.
 */
export { normalCdf } from './normal-cdf';
export { normalQuantile } from './normal-quantile';
export { logGamma } from './log-gamma';
export { regularizedIncompleteBeta } from './regularized-incomplete-beta';
export { studentTCdf } from './student-t-cdf';
export { sampleMoments, type SampleMoments } from './sample-moments';
export { quantileSorted } from './quantile-sorted';
export { probabilisticSharpeRatio, type PsrInput } from './probabilistic-sharpe-ratio';
export {
	expectedMaxSharpe,
	EULER_MASCHERONI,
	type ExpectedMaxSharpeInput
} from './expected-max-sharpe';
export { deflatedSharpeRatio, type DsrInput } from './deflated-sharpe-ratio';
export {
	probabilityOfBacktestOverfitting,
	type PboResult,
	type PerformanceMetric
} from './probability-of-backtest-overfitting';
export { stationaryBootstrapIndices } from './stationary-bootstrap-indices';
export {
	bootstrapCi,
	defaultMeanBlock,
	type BootstrapInterval,
	type BootstrapOptions
} from './bootstrap-ci';
export { bootstrapDifferenceCi } from './bootstrap-difference-ci';
export { dieboldMariano, type DieboldMarianoResult } from './diebold-mariano';
export { hansenSpa, type SpaOptions, type SpaResult } from './hansen-spa';
export { sharpeVerdict, type SharpeVerdictInput } from './sharpe-verdict';
export { comparisonVerdict, type ComparisonInput } from './comparison-verdict';
export { pboVerdict } from './pbo-verdict';
export { spaVerdict } from './spa-verdict';
