import { compile } from '../expr';
import { err, ok, type Result } from '../result';

/**
 * How AXON feeds a model that came from outside (an ONNX file, a native bundle) in the arena: one
 * `core/expr` expression per input feature, in the model's feature order, over a window of bars
 * ending at the bar the model decides on. Plain data, stored with the session so a re-run feeds the
 * model the same inputs.
 */
export interface ModelInputs {
	/** One expression per feature, e.g. `Log($close / Ref($close, 1))`. */
	features: string[];
	/** Bars per sample (the model's time dimension). */
	window: number;
	/**
	 * z-score every feature with its mean and population standard deviation over the bars before the
	 * session's first out-of-sample bar (`walkForward.trainBars`), never later ones: a model trained
	 * on standardised inputs sees them on the same scale, and nothing from the test period leaks in.
	 */
	standardize: boolean;
}

/**
 * Standard inputs offered for an F-feature model, in this order (then `Ref`-lagged returns):
 * log return, its 20-bar mean and standard deviation, the 14-bar range ratio, volume against its
 * 20-bar mean. Defaults only; the form lets the user type the model's own features.
 */
export const STANDARD_MODEL_FEATURES = [
	'Log($close / Ref($close, 1))',
	'Mean(Log($close / Ref($close, 1)), 20)',
	'Std(Log($close / Ref($close, 1)), 20)',
	'Mean(($high - $low) / $close, 14)',
	'$volume / Mean($volume, 20)'
] as const;

/** `count` default feature expressions: the standard ones, then returns lagged 1, 2, … bars. */
export function defaultModelFeatures(count: number): string[] {
	return Array.from({ length: count }, (_, i) =>
		i < STANDARD_MODEL_FEATURES.length
			? STANDARD_MODEL_FEATURES[i]
			: `Ref(Log($close / Ref($close, 1)), ${i - STANDARD_MODEL_FEATURES.length + 1})`
	);
}

/**
 * Checks the inputs against the model's declared input shape `[batch, window, features]` (symbolic
 * or unknown dimensions accept anything) and that every expression parses. The first problem is a
 * `bad_input` naming the model and the feature.
 *
 * @example
 * checkModelInputs('tiny-lstm', ['batch', 8, 3], { features: defaultModelFeatures(3), window: 8, standardize: true });
 */
export function checkModelInputs(
	label: string,
	declared: readonly (number | string | null)[],
	inputs: ModelInputs
): Result<ModelInputs> {
	if (declared.length !== 3)
		return err(
			'bad_input',
			`${label}: the model's input has ${declared.length} dimensions; the arena feeds [batch, window, features].`
		);
	const [, w, f] = declared;
	if (!Number.isInteger(inputs.window) || inputs.window < 1)
		return err('bad_input', `${label}: the window must be a whole number of bars ≥ 1.`);
	if (typeof w === 'number' && w !== inputs.window)
		return err(
			'bad_input',
			`${label}: the model expects windows of ${w} bars, the form gives ${inputs.window}.`
		);
	if (inputs.features.length === 0)
		return err('bad_input', `${label}: list at least one input feature.`);
	if (typeof f === 'number' && f !== inputs.features.length)
		return err(
			'bad_input',
			`${label}: the model expects ${f} features per bar, the form lists ${inputs.features.length}.`
		);
	for (const [i, source] of inputs.features.entries()) {
		const parsed = compile(source);
		if (!parsed.ok)
			return err('bad_input', `${label}, feature ${i + 1} (${source}): ${parsed.message}`);
	}
	return ok(inputs);
}
