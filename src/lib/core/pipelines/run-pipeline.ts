import { evaluateAst } from '../expr';
import { directionLabels, forwardReturn, tripleBarrierLabels } from '../labels';
import type { OhlcvSeries } from '../ohlcv';
import type { LabelSpec } from '../protocol/features';
import type { FeatureTable } from './feature-table';
import type { ValidatedPipeline, ValidatedStep } from './validate-pipeline-spec';

/** Reported after each step: `done` of `total` steps, and the step's columns. */
export type PipelineProgressFn = (done: number, total: number, names: string[]) => void;

function computeStep(step: ValidatedStep, series: OhlcvSeries): Float64Array[] {
	return step.kind === 'indicator'
		? step.def.compute(series, step.params)
		: [evaluateAst(step.ast, series)];
}

function computeLabel(label: LabelSpec, series: OhlcvSeries): Float64Array {
	switch (label.kind) {
		case 'forward_return':
			return forwardReturn(series.close, label.horizon, label.returnKind);
		case 'direction':
			return directionLabels(series.close, label.horizon, label.deadZone);
		case 'triple_barrier':
			return tripleBarrierLabels(series, label).label;
	}
}

type Column = { column: Float64Array; warmup: number; label: boolean };

/** The pipeline's steps then labels, one per `next()`, so a caller can stop or yield between them. */
function* pipelineSteps(
	series: OhlcvSeries,
	pipeline: ValidatedPipeline,
	byName: Map<string, Column>,
	onProgress?: PipelineProgressFn,
	precomputed?: ReadonlyMap<ValidatedStep, Float64Array[]>
): Generator<void, void, void> {
	const total = pipeline.steps.length + pipeline.labels.length;
	let done = 0;
	for (const step of pipeline.steps) {
		const outputs = precomputed?.get(step) ?? computeStep(step, series);
		step.names.forEach((name, k) =>
			byName.set(name, { column: outputs[k], warmup: step.warmup, label: false })
		);
		onProgress?.(++done, total, step.names);
		yield;
	}
	for (const { spec, name } of pipeline.labels) {
		byName.set(name, { column: computeLabel(spec, series), warmup: 0, label: true });
		onProgress?.(++done, total, [name]);
		yield;
	}
}

function assembleTable(
	series: OhlcvSeries,
	pipeline: ValidatedPipeline,
	byName: Map<string, Column>
): FeatureTable {
	const kept = pipeline.columns.map((name) => byName.get(name)!);
	const n = series.close.length;
	const warmup = Math.min(n, Math.max(0, ...kept.filter((k) => !k.label).map((k) => k.warmup)));
	// Labels go last so `labelCount` can describe them, whatever order `columns` gave.
	const order = pipeline.columns
		.map((name, i) => ({ name, entry: kept[i] }))
		.sort((a, b) => Number(a.entry.label) - Number(b.entry.label));
	return {
		time: series.time.slice(),
		names: order.map((o) => o.name),
		columns: order.map((o) => o.entry.column),
		warmup,
		labelCount: order.filter((o) => o.entry.label).length
	};
}

/**
 * Runs a validated pipeline over a bar series on the CPU (f64): each indicator's batch path, each
 * expression, then each label, keeping the spec's output columns in order. `warmup` is the largest
 * declared warm-up of the kept feature columns (labels excluded: their NaN rows are at the end).
 *
 * @example
 * const v = validatePipelineSpec(spec); if (v.ok) runPipeline(series, v.value).names;
 */
export function runPipeline(
	series: OhlcvSeries,
	pipeline: ValidatedPipeline,
	onProgress?: PipelineProgressFn
): FeatureTable {
	const byName = new Map<string, Column>();
	const steps = pipelineSteps(series, pipeline, byName, onProgress);
	while (!steps.next().done);
	return assembleTable(series, pipeline, byName);
}

/** One macrotask: long enough for a worker to receive the abort message from its port. */
const nextTask = (): Promise<void> =>
	new Promise((resolve) => {
		const { port1, port2 } = new MessageChannel();
		port1.onmessage = () => {
			port1.close();
			resolve();
		};
		port2.postMessage(null);
	});

/**
 * `runPipeline` that can be cancelled: after each step it yields one macrotask (so an abort sent to a
 * worker through a `MessagePort`, see `signalFromPort`, is delivered) and stops when `signal` is
 * aborted, returning `null`. Same table as `runPipeline` otherwise. A cancel takes effect after the
 * step running when it arrives, not after the whole computation.
 *
 * @example
 * const table = await runPipelineCancellable(series, v.value, { signal });
 * if (table === null) return err('cancelled', 'Feature computation was cancelled.');
 */
export async function runPipelineCancellable(
	series: OhlcvSeries,
	pipeline: ValidatedPipeline,
	options: {
		onProgress?: PipelineProgressFn;
		signal?: AbortSignal;
		/**
		 * Columns of some steps computed elsewhere (the GPU batch path, see
		 * `compute/indicators/pipeline-gpu-steps.ts`); the other steps run here on the CPU.
		 */
		precomputed?: ReadonlyMap<ValidatedStep, Float64Array[]>;
	} = {}
): Promise<FeatureTable | null> {
	const byName = new Map<string, Column>();
	if (options.signal?.aborted) return null;
	const steps = pipelineSteps(series, pipeline, byName, options.onProgress, options.precomputed);
	while (!steps.next().done) {
		if (options.signal) await nextTask();
		if (options.signal?.aborted) return null;
	}
	return assembleTable(series, pipeline, byName);
}
