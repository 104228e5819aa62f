/**
 * Training configurations (issue #4 part B): optimiser, learning-rate schedule, clipping, early
 * stopping and class weights. Plain JSON that round-trips, parsed at every boundary (page → worker,
 * CLI file, stored run). Append-only: new optimisers and schedules are added, old ones keep meaning.
 */
import { z } from 'zod';

const positive = z.number().positive().finite();
const beta = z.number().min(0).lt(1);

/**
 * SGD with heavy-ball momentum, PyTorch's form (Sutskever et al. 2013): `v ← μ·v + g; θ ← θ − η·v`.
 */
export const SgdConfig = z.object({ type: z.literal('sgd'), momentum: beta.default(0.9) });

/** Adam (Kingma & Ba 2015), bias-corrected first and second moments. */
export const AdamConfig = z.object({
	type: z.literal('adam'),
	beta1: beta.default(0.9),
	beta2: beta.default(0.999),
	epsilon: positive.default(1e-8)
});

/**
 * AdamW (Loshchilov & Hutter 2019): Adam plus weight decay decoupled from the gradient,
 * `θ ← θ − η_t·(m̂/(√v̂ + ε) + λ·θ)`, with η_t the scheduled learning rate (PyTorch's convention).
 */
export const AdamWConfig = AdamConfig.extend({
	type: z.literal('adamw'),
	weightDecay: z.number().min(0).finite().default(0.01)
});

export const OptimizerConfig = z.discriminatedUnion('type', [SgdConfig, AdamConfig, AdamWConfig]);
export type OptimizerConfig = z.infer<typeof OptimizerConfig>;

/**
 * The learning rate per optimiser step: linear warm-up over `warmupSteps`, then constant, cosine
 * annealing to `minLearningRate` over the remaining steps (Loshchilov & Hutter 2017, SGDR, one cycle
 * without restarts), or step decay by `gamma` every `stepSize` steps.
 */
export const ScheduleConfig = z.object({
	warmupSteps: z.number().int().min(0).default(0),
	decay: z
		.discriminatedUnion('type', [
			z.object({ type: z.literal('constant') }),
			z.object({ type: z.literal('cosine'), minLearningRate: z.number().min(0).default(0) }),
			z.object({
				type: z.literal('step'),
				stepSize: z.number().int().min(1),
				gamma: z.number().positive().max(1).default(0.1)
			})
		])
		.default({ type: 'constant' })
});
export type ScheduleConfig = z.infer<typeof ScheduleConfig>;

/** Stop when the validation loss has not improved by `minDelta` for `patience` epochs. */
export const EarlyStoppingConfig = z.object({
	patience: z.number().int().min(1),
	minDelta: z.number().min(0).default(0),
	restoreBest: z.boolean().default(true)
});
export type EarlyStoppingConfig = z.infer<typeof EarlyStoppingConfig>;

export const TRAINING_TASKS = ['regression', 'classification'] as const;
export const TrainingTask = z.enum(TRAINING_TASKS);
export type TrainingTask = z.infer<typeof TrainingTask>;

export const TrainLoopConfig = z
	.object({
		/** regression: MSE on the model's output; classification: cross-entropy on its probabilities. */
		task: TrainingTask.default('regression'),
		epochs: z.number().int().min(1).max(100_000),
		batchSize: z.number().int().min(1).max(65_536),
		learningRate: positive,
		/** Seeds the batch order (Philox); the model's initial weights have their own seed. */
		seed: z.number().int().min(0).max(0xffffffff),
		optimizer: OptimizerConfig.default({ type: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
		schedule: ScheduleConfig.default({ warmupSteps: 0, decay: { type: 'constant' } }),
		/** Rescale gradients whose global L2 norm exceeds this (Pascanu et al. 2013). */
		clipNorm: positive.optional(),
		earlyStopping: EarlyStoppingConfig.optional(),
		/** Classification only: weight per class index (PyTorch's weighted-mean cross-entropy). */
		classWeights: z.array(positive).min(2).optional(),
		/** Read the loss back every this many steps (each read waits for the device). */
		readLossEvery: z.number().int().min(1).default(10),
		/** Checkpoint every this many steps (0: at epoch ends only). */
		checkpointEvery: z.number().int().min(0).default(0)
	})
	.refine((c) => c.classWeights === undefined || c.task === 'classification', {
		message: 'classWeights apply to classification only',
		path: ['classWeights']
	});
export type TrainLoopConfig = z.infer<typeof TrainLoopConfig>;
export type TrainLoopConfigInput = z.input<typeof TrainLoopConfig>;

/**
 * The metadata card that travels with an exported model (Mitchell et al. 2019, "Model Cards for
 * Model Reporting", reduced to what a run knows): what it is, how it was trained, how it scored.
 */
export const ModelCard = z.object({
	format: z.literal('axon-model-card/1'),
	name: z.string().min(1).max(200),
	createdAt: z.string(),
	framework: z.string(),
	inputShape: z.array(z.number().int().positive()),
	outputShape: z.array(z.number().int().positive()),
	paramCount: z.number().int().min(0),
	task: TrainingTask,
	backend: z.string().optional(),
	training: TrainLoopConfig.optional(),
	/** Final metrics by name (e.g. val_mse, val_ic). */
	metrics: z.record(z.string(), z.number().nullable()).default({}),
	/** Free-form provenance: data file, content hash, features. */
	data: z.record(z.string(), z.unknown()).default({})
});
export type ModelCard = z.infer<typeof ModelCard>;
export type ModelCardInput = z.input<typeof ModelCard>;
