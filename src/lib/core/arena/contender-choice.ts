import { err, ok, type Result } from '../result';
import { buyAndHoldContender } from './buy-and-hold-contender';
import type { Contender } from './contender';
import { expressionContender } from './expression-contender';
import type { ModelInputs } from './model-inputs';
import { predictionContender, type StoredPredictions } from './prediction-contender';

/** A contender as the session form picks it: plain data, stored with the session, rebuilt in a worker. */
export type ContenderChoice =
	| {
			kind: 'expression';
			id: string;
			label: string;
			template: string;
			grid: Record<string, number[]>;
			threshold: number;
			allowShort: boolean;
	  }
	| { kind: 'experiment'; id: string; label: string; runId: string }
	| ModelChoice
	| EnsembleChoice
	| { kind: 'buy_and_hold'; id: string; label: string };

/**
 * Several imported models as one contender: at each bar the mean of the members' predictions (NaN,
 * so flat, where any member has none yet), traded by the same threshold rule. The members should
 * forecast the same quantity (e.g. the next return) on the same scale.
 */
export interface EnsembleChoice {
	kind: 'ensemble';
	id: string;
	label: string;
	members: ModelChoice[];
	threshold: number;
	allowShort: boolean;
}

/**
 * A model stored in IndexedDB (`modelArtifacts`: an ONNX file or a native tfjs bundle) run over the
 * session's bars with the given inputs; long above +threshold, short below −threshold.
 */
export interface ModelChoice {
	kind: 'onnx' | 'native';
	id: string;
	label: string;
	artifactId: string;
	inputs: ModelInputs;
	threshold: number;
	allowShort: boolean;
}

/** One prediction per session bar (NaN where the model has no full window yet), by bar time. */
export type ModelPredictions = Pick<StoredPredictions, 'time' | 'predictions'>;

/**
 * Contenders from the form's choices; experiment runs' predictions are looked up with `predictionsOf`
 * (IndexedDB in the worker, a map in tests), models are run over the session's bars by
 * `modelPredictionsOf` (the arena worker's inference, see ml/model-contender.ts). The first
 * unusable choice is a `bad_input` naming it.
 */
export async function contendersFromChoices(
	choices: readonly ContenderChoice[],
	predictionsOf: (runId: string) => Promise<Omit<StoredPredictions, 'id' | 'label'> | null>,
	modelPredictionsOf?: (choice: ModelChoice) => Promise<Result<ModelPredictions>>
): Promise<Result<Contender[]>> {
	const out: Contender[] = [];
	for (const choice of choices) {
		if (choice.kind === 'buy_and_hold') out.push(buyAndHoldContender(choice.id));
		else if (choice.kind === 'expression') {
			const c = expressionContender({ ...choice });
			if (!c.ok) return c;
			out.push(c.value);
		} else if (choice.kind === 'experiment') {
			const stored = await predictionsOf(choice.runId);
			if (!stored)
				return err(
					'bad_input',
					`${choice.label}: the run has no out-of-sample predictions; train it again.`
				);
			out.push(predictionContender({ ...stored, id: choice.id, label: choice.label }));
		} else {
			if (!modelPredictionsOf)
				return err('bad_input', `${choice.label}: models run in the arena worker only.`);
			const predicted =
				choice.kind === 'ensemble'
					? await ensemblePredictions(choice, modelPredictionsOf)
					: await modelPredictionsOf(choice);
			if (!predicted.ok) return predicted;
			out.push(
				predictionContender({
					...predicted.value,
					id: choice.id,
					label: choice.label,
					kind: choice.kind,
					threshold: choice.threshold,
					allowShort: choice.allowShort
				})
			);
		}
	}
	return ok(out);
}

/** The members' mean prediction per bar; the first member that fails fails the ensemble. */
async function ensemblePredictions(
	choice: EnsembleChoice,
	modelPredictionsOf: (choice: ModelChoice) => Promise<Result<ModelPredictions>>
): Promise<Result<ModelPredictions>> {
	if (choice.members.length < 2)
		return err('bad_input', `${choice.label}: an ensemble needs at least two models.`);
	let time: Float64Array | null = null;
	let sum: Float64Array | null = null;
	for (const member of choice.members) {
		const r = await modelPredictionsOf(member);
		if (!r.ok) return r;
		time ??= r.value.time;
		sum ??= new Float64Array(r.value.predictions.length);
		// NaN from any member stays NaN in the sum: no bar averages a partial ensemble.
		for (let i = 0; i < sum.length; i++) sum[i] += r.value.predictions[i];
	}
	const mean = sum!.map((v) => v / choice.members.length);
	return ok({ time: time!, predictions: mean });
}
