/**
 * `buildModel(spec, { seed })`: the zoo's one entry for turning a spec into a tfjs model. The spec is
 * parsed (it may come from a file or IndexedDB) and its shapes inferred first, so a bad spec comes back
 * as `err('bad_input', …)` naming the block, never as a tfjs stack trace.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelSpec } from '$lib/core/protocol';
import { headUnits, inferShapes } from '$lib/core/models';
import { err, ok, type Result } from '$lib/core/result';
import { applyBlock, applyHead } from './block-layers';

export type OutputKind = 'regression' | 'classification' | 'reconstruction';

export interface ZooOutput {
	/** The head's name in the spec. */
	name: string;
	/**
	 * regression: linear, train with MSE against `[B, units]` targets. classification: softmax
	 * probabilities, train with cross-entropy against the class index. reconstruction: the flattened
	 * input window `[B, window·features]`; the target is the input itself.
	 */
	kind: OutputKind;
	units: number;
}

export interface BuiltModel {
	/** Inputs `[B, window, features]`; one output per head, in `spec.heads` order, each `[B, units]`. */
	model: tf.LayersModel;
	spec: ModelSpec;
	/** Trainable parameters; equals `model.countParams()` and the designer's shape inference. */
	paramCount: number;
	outputs: ZooOutput[];
	seed: number;
}

/**
 * @example
 * const r = buildModel(preset('cnn_lstm', { window: 16, features: 4 }), { seed: 7 });
 * if (!r.ok) return show(r.message);
 * const { model, outputs } = r.value; // outputs: direction (classification, 2), next_return (regression, 1)
 */
export function buildModel(spec: ModelSpec, opts: { seed: number }): Result<BuiltModel> {
	const parsed = ModelSpec.safeParse(spec);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return err(
			'bad_input',
			`The model spec is invalid at ${issue.path.join('.') || 'the top'}: ${issue.message}`,
			parsed.error.issues
		);
	}
	const { seed } = opts;
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
		return err('bad_input', `seed must be an integer in [0, 2^32), got ${seed}`);
	}
	const s = parsed.data;
	const report = inferShapes(s);
	const broken = report.layers.find((l) => l.error);
	if (broken) return err('bad_input', `${broken.label}: ${broken.error}`, report);

	try {
		// Built under tidy: tfjs's LSTM `unitForgetBias` initialiser leaks its four temporary tensors
		// (tfjs-layers recurrent.js, CustomInit.apply); weights are variables, which tidy never disposes.
		const inputValues = s.input.window * s.input.features;
		const outputs = s.heads.map((head) => ({
			name: head.name,
			kind: head.kind,
			units: headUnits(head, inputValues)
		}));
		let model: tf.LayersModel | undefined;
		tf.tidy(() => {
			const input = tf.input({ shape: [s.input.window, s.input.features], name: 'window' });
			let x = input;
			s.blocks.forEach((block, i) => {
				x = applyBlock(block, x, i, seed);
			});
			const heads = s.heads.map((head, i) => applyHead(head, x, outputs[i].units, seed, i));
			model = tf.model({ inputs: input, outputs: heads, name: 'zoo' });
		});
		if (!model) throw new Error('no model was made');
		return ok({ model, spec: s, paramCount: model.countParams(), outputs, seed });
	} catch (e) {
		return err(
			'internal',
			`tfjs could not build the model: ${e instanceof Error ? e.message : String(e)}`
		);
	}
}
