/**
 * The training engine (issue #4 part B): a seeded, resumable custom loop with SGD/Adam/AdamW,
 * schedules, clipping, early stopping and class weights. Storage-agnostic: snapshots go to whatever
 * `onCheckpoint` does with them (IndexedDB in the worker, a file in the CLI).
 */
export {
	runTraining,
	type TrainingOutcome,
	type TrainingProgress,
	type TrainingRunOptions
} from './train-loop';
export { SlotOptimizer, type OptimizerSnapshot } from './optimizer';
export { learningRateAt } from './learning-rate-at';
export { clipByGlobalNorm, globalNorm } from './clip-by-global-norm';
export { trainingLoss } from './training-loss';
export {
	initialEarlyStopping,
	observeValidationLoss,
	type EarlyStoppingState
} from './early-stopping';
export { epochOrder } from './epoch-order';
export { PauseGate, gateFromPort } from './pause-gate';
export { evaluateValidation, type ValidationResult } from './evaluate-validation';
export { checkTrainingData, type TrainingData } from './training-data';
export {
	readWeights,
	writeWeights,
	snapshotFromJson,
	snapshotToJson,
	type EpochMetrics,
	type TrainingSnapshot
} from './training-snapshot';
