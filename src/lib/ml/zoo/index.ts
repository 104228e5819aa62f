/**
 * The model zoo: specs (`$lib/core/protocol` ModelSpec, presets in `$lib/core/models`) built into tfjs
 * models with the custom layers of `$lib/ml/layers`.
 *
 * Contract for the training engine (stable):
 * - `buildModel(spec, { seed }) → Result<BuiltModel>`: `model` takes `[B, window, features]` and has
 *   one output per head, `[B, units]`, in `outputs` order.
 * - `zooLoss(built, x, targets)` inside `optimizer.minimize`: head losses + MoE auxiliary loss.
 * - `mcDropoutPredict(built, x, samples, seed)`: predictive mean and std per head.
 */
import '../layers';
export { buildModel, type BuiltModel, type OutputKind, type ZooOutput } from './build-model';
export { auxiliaryLoss, forward, zooLoss } from './zoo-loss';
export { mcDropoutPredict, type McOutput } from './mc-dropout';
export { anomalyScores } from './anomaly-scores';
export { expertUtilisation, type ExpertUtilisation } from './expert-utilisation';
