export {
	simulate,
	simulateSummary,
	simulationBuffers,
	type SimulationBuffers,
	type SimulationSummary,
	type StreamedMetrics,
	type SimulationResult,
	type Halt,
	type HaltReason
} from './simulate';
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
export {
	walkForwardWindows,
	type WalkForwardMode,
	type WalkForwardOptions,
	type WalkForwardWindow
} from './walk-forward';
export { trialsOf, type Contender, type ContenderKind, type BarWindow } from './contender';
export { buyAndHoldContender } from './buy-and-hold-contender';
export {
	expressionContender,
	fillTemplate,
	gridPoints,
	targetOf,
	type ExpressionStrategy
} from './expression-contender';
export { EXPRESSION_PRESETS } from './expression-presets';
export { predictionContender, type StoredPredictions } from './prediction-contender';
export { sliceSeries } from './slice-series';
export { runBattle, drawdownOf, type RunBattleOptions } from './run-battle';
export type {
	BattleConfig,
	BattleOutcome,
	BattleProgress,
	ContenderOutcome,
	TradeMarker
} from './battle-types';
export {
	contendersFromChoices,
	type ContenderChoice,
	type EnsembleChoice,
	type ModelChoice,
	type ModelPredictions
} from './contender-choice';
export {
	checkModelInputs,
	defaultModelFeatures,
	STANDARD_MODEL_FEATURES,
	type ModelInputs
} from './model-inputs';
export { battleToProtocol } from './battle-to-protocol';
