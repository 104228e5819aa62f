export * from './config';
export * from './monte-carlo-result';
export { pathMetrics, type PathMetrics } from './path-metrics';
export { boxMuller, pathReturns } from './path-returns';
export { philoxBlock, scaleU32 } from './philox-block';
export {
	annualFactorOf,
	ruinLogOf,
	runMonteCarloCpu,
	simulatePaths,
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
