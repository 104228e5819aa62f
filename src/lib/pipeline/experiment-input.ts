/** What the page asks the train worker to run. Validated again in the worker before anything runs. */
import { z } from 'zod';
import { BacktestConfig, ModelConfig, TrainingConfig } from '$lib/core/protocol';

export const ExperimentInput = z.object({
	name: z.string().trim().min(1).max(200),
	datasetId: z.string().min(1).max(64),
	featureSetId: z.string().min(1).max(64),
	model: ModelConfig.pick({ model_type: true, window: true, units: true }).extend({
		/** The fused recurrence kernels (see `SequenceModelSpec.fused`); the run records their cost. */
		fused: z.boolean().optional()
	}),
	training: TrainingConfig.omit({ backend: true }).extend({
		backend: z.enum(['auto', 'webgpu', 'wasm', 'cpu'])
	}),
	backtest: BacktestConfig.pick({ threshold: true, fee_bps: true }),
	trainFraction: z.number().gt(0.2).lt(0.95)
});
export type ExperimentInput = z.infer<typeof ExperimentInput>;
