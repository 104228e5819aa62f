export { fusedRnn, type FusedRnnOptions } from './fused-rnn-op';
export { FusedGRU, FusedLSTM, recurrentLayer, type FusedRnnLayerArgs } from './fused-rnn-layer';
export { measureTrainingStep, type TrainingStepMeasure } from './measure-training-step';
export {
	fusedRetention,
	retentionDecays,
	retentionStep,
	RETENTION_CHUNK
} from './fused-retention-op';
export { retentionStepTfjsOps, retentionTfjsOps } from './retention-ops';
export { FusedRetention, type FusedRetentionArgs } from './fused-retention-layer';
export { fusedLinearScan } from './fused-linear-scan-op';
export { MinGRU, type MinGruLayerArgs } from './min-gru-layer';
export { fusedRunInfo, type FusedKernel, type FusedRunInfo } from './fused-run-info';
