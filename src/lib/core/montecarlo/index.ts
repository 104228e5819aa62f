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
