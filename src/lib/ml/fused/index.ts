export { fusedRnn, type FusedRnnOptions } from './fused-rnn-op';
export { FusedGRU, FusedLSTM, recurrentLayer, type FusedRnnLayerArgs } from './fused-rnn-layer';
export { measureTrainingStep, type TrainingStepMeasure } from './measure-training-step';
