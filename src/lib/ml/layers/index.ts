/**
 * The zoo's custom tfjs layers. Importing this module registers every class with
 * `tf.serialization.registerClass`, so `model.save` / `tf.loadLayersModel` (and `ml/checkpoint.ts`)
 * round-trip models that use them.
 */
export { AdditiveAttentionPool } from './additive-attention-pool';
export { CausalPad1D } from './causal-pad-1d';
export { DilatedConv1D } from './dilated-conv-1d';
export { MixtureOfExperts, type Routing } from './mixture-of-experts';
export { MultiHeadAttention } from './multi-head-attention';
export { MultiHeadAttentionPool } from './multi-head-attention-pool';
export { Retention, type RetentionForm } from './retention';
export {
	retentionChunkwise,
	retentionDecays,
	retentionParallel,
	retentionRecurrent
} from './retention-forms';
export { SeededDropout } from './seeded-dropout';
export { SequencePool } from './sequence-pool';
export { SinusoidalPosition, sinusoidalTable } from './sinusoidal-position';
export { deriveSeed } from './layer-support';
