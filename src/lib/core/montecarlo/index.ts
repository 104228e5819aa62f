export * from './config';
export * from './monte-carlo-result';
export { metricsFromSums, pathMetrics, type PathMetrics } from './path-metrics';
export { boxMuller, pathReturns } from './path-returns';
export { philoxBlock, scaleU32 } from './philox-block';
export {
	annualFactorOf,
	ruinLogOf,
	runMonteCarloCpu,
	simulatePaths,
	simulatePathsJs,
	summarizePaths
} from './run-monte-carlo-cpu';
export * from './summarize';
export { equityFan, FAN_LEVELS, type EquityFan, type EquityFanOptions } from './equity-fan';
export {
	autoHistogram,
	histogramCounts,
	histogramQuantile,
	histogramScale,
	MAX_HISTOGRAM_BINS,
	type Histogram,
	type HistogramRange
} from './histogram';
export { mergePathOutputs, runMonteCarloPooled, splitPaths, type PathChunk } from './path-chunks';
