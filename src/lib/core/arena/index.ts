export { simulate, type SimulationResult, type Halt, type HaltReason } from './simulate';
export {
	resolveExecution,
	type ExecutionConfig,
	type ResolvedExecution,
	type FillPrice,
	type IntrabarOrder,
	type Rebalance,
	type FeeFunction
} from './execution-config';
export { tradeList, EXIT_REASONS, type Trade, type TradeLog, type ExitReason } from './trade-log';
export { referenceSimulate, type ReferenceResult } from './reference-simulator';
export * from './metrics';
