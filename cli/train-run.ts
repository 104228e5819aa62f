/**
 * The body of `axon train` (loaded after the `$lib` alias hook, see train-command.ts): read the spec
 * and bars, build the model (zoo `buildModel`, or the GRU/LSTM regressor for a `{ model_type }`
 * spec), train with the engine of src/lib/ml/training on the chosen backend, print progress to
 * stderr and metrics to stdout, export the model (tfjs files + spec + card) to `--out`.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import {
	ModelSpec,
	TrainLoopConfig,
	type TrainLoopConfigInput,
	type TrainingTask
} from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import { selectBackend } from '$lib/ml/backend';
import { exportNativeModel, WEIGHTS_FILE } from '$lib/ml/export';
import { buildSequenceModel } from '$lib/ml/gru-regressor';
import { barsToTrainingData } from '$lib/ml/training/bars-to-training-data';
import { runTraining, type TrainingProgress } from '$lib/ml/training';
import { validationReport } from '$lib/ml/training/validation-report';
import { buildModel } from '$lib/ml/zoo';
import { EXIT, type CliIo } from './io';
import { readBars } from './read-bars';
import type { TrainArgs } from './train-command';

const VALIDATION_SHARE = 0.2;

interface Plan {
	model: tf.LayersModel;
	task: TrainingTask;
	window: number;
	spec: unknown;
	name: string;
	training: TrainLoopConfigInput;
}

export async function trainFromFiles(args: TrainArgs, io: CliIo): Promise<number> {
	const fail = (message: string) => {
		io.stderr(`axon train: ${message}\nNo model written.\n`);
		return EXIT.failed;
	};
	let specJson: unknown;
	try {
		specJson = JSON.parse(await readFile(args.spec, 'utf8'));
	} catch (e) {
		return fail(`--spec ${args.spec}: ${e instanceof Error ? e.message : String(e)}`);
	}
	const bars = await readBars(args.data);
	if (!bars.ok) return fail(bars.message);
	for (const warning of bars.value.warnings) io.stderr(`note: ${warning}\n`);

	const sel = await chooseBackend(args.backend);
	io.stderr(`backend: ${sel}\n`);

	const window = windowOf(specJson);
	if (window === null)
		return fail('--spec has no window (input.window, or window for { model_type }).');
	const prepared = barsToTrainingData(bars.value.series, {
		window,
		validationShare: VALIDATION_SHARE,
		task: taskOf(specJson)
	});
	if (!prepared.ok) return fail(prepared.message);
	const { data, featureNames } = prepared.value;
	const plan = planModel(specJson, args, io, data.inputShape[1]);
	if (!plan.ok) return fail(plan.message);
	const { model, task } = plan.value;
	try {
		io.stderr(
			`${data.trainSamples} training and ${data.samples - data.trainSamples} validation samples of [${data.inputShape.join(' × ')}] (${featureNames.join(', ')}); ${model.countParams()} parameters\n`
		);
		const config = TrainLoopConfig.parse({
			...plan.value.training,
			...(args.epochs === undefined ? {} : { epochs: args.epochs }),
			seed: args.seed
		});
		const trained = await runTraining({
			model,
			data,
			config,
			onProgress: (p) => io.stderr(`${formatProgress(p)}\n`)
		});
		if (!trained.ok) return fail(trained.message);

		const pred = await predictValidation(model, data);
		const target = data.y.subarray(data.trainSamples);
		const metrics = validationReport(task, pred.values, pred.width, target);
		const last = trained.value.history.at(-1);
		io.stdout(
			`epochs ${trained.value.history.length} (${trained.value.stopped}), ${trained.value.steps} steps on ${trained.value.backend}\n`
		);
		io.stdout(
			`train loss ${last?.loss.toFixed(6)}\nval loss ${last?.valLoss?.toFixed(6) ?? 'n/a'}\n`
		);
		for (const [name, value] of Object.entries(metrics))
			io.stdout(`val ${name} ${value.toFixed(6)}\n`);

		const bundle = await exportNativeModel(model, {
			spec: plan.value.spec,
			card: {
				name: plan.value.name,
				task,
				backend: trained.value.backend,
				training: config,
				metrics: Object.fromEntries(
					Object.entries(metrics).map(([k, v]) => [`val_${k}`, Number.isFinite(v) ? v : null])
				),
				data: {
					file: args.data,
					features: featureNames,
					samples: data.samples,
					train_samples: data.trainSamples
				}
			}
		});
		await writeBundle(args.out, bundle);
		io.stdout(`wrote ${args.out}/model.json, ${WEIGHTS_FILE}, spec.json, card.json\n`);
		return EXIT.ok;
	} catch (e) {
		return fail(e instanceof Error ? e.message : String(e));
	} finally {
		model.dispose();
	}
}

async function chooseBackend(pref: 'cpu' | 'webgpu'): Promise<string> {
	if (pref === 'webgpu') {
		const { installNodeWebGpu } = await import('$lib/ml/node-webgpu');
		try {
			await installNodeWebGpu();
		} catch {
			// selectBackend reports the CPU fallback and why.
		}
	}
	const sel = await selectBackend(pref);
	const kind =
		sel.backend === 'webgpu' ? (sel.software ? ' (software adapter, not a GPU)' : ' (GPU)') : '';
	return `${sel.backend}${kind}${sel.notice ? ` — ${sel.notice}` : ''}`;
}

/** Zoo spec (bare or under `model`), or the legacy `{ model_type, window, units }` regressor. */
function specOf(json: unknown): unknown {
	const obj = (json ?? {}) as Record<string, unknown>;
	return 'model' in obj ? obj.model : obj;
}

function windowOf(json: unknown): number | null {
	const raw = specOf(json) as { window?: unknown; input?: { window?: unknown } };
	const w = raw?.input?.window ?? raw?.window;
	return Number.isInteger(w) && (w as number) > 0 ? (w as number) : null;
}

function taskOf(json: unknown): TrainingTask {
	const raw = specOf(json) as { heads?: { kind?: string }[] };
	return raw?.heads?.[0]?.kind === 'classification' ? 'classification' : 'regression';
}

function planModel(json: unknown, args: TrainArgs, io: CliIo, nFeatures: number): Result<Plan> {
	const obj = (json ?? {}) as Record<string, unknown>;
	const training = {
		epochs: 10,
		batchSize: 32,
		learningRate: 1e-3,
		seed: args.seed,
		...((obj.training as object) ?? {})
	} as TrainLoopConfigInput;
	const raw = specOf(json);
	const legacy = raw as { model_type?: string; window?: number; units?: number; features?: number };
	if (legacy.model_type === 'gru' || legacy.model_type === 'lstm') {
		const window = legacy.window ?? 16;
		const model = buildSequenceModel({
			model_type: legacy.model_type,
			window,
			nFeatures,
			units: legacy.units ?? 16,
			seed: args.seed
		});
		return ok({
			model,
			task: 'regression',
			window,
			spec: raw,
			name: `${legacy.model_type}-${legacy.units ?? 16}`,
			training
		});
	}
	const given = raw as { input?: { features?: number } };
	if (given?.input && given.input.features !== nFeatures) {
		io.stderr(
			`note: the spec says ${given.input.features} features; the data has ${nFeatures}, so the model is built for ${nFeatures}.\n`
		);
	}
	const spec = ModelSpec.safeParse(
		given?.input ? { ...given, input: { ...given.input, features: nFeatures } } : raw
	);
	if (!spec.success) {
		const i = spec.error.issues[0];
		return err(
			'bad_input',
			`--spec is neither a model spec nor { model_type, window, units }: ${i.path.join('.')}: ${i.message}`
		);
	}
	const built = buildModel(spec.data, { seed: args.seed });
	if (!built.ok) return built;
	const head = built.value.outputs[0];
	if (head.kind === 'reconstruction')
		return err(
			'bad_input',
			`head "${head.name}" is a reconstruction head; axon train fits regression or classification heads.`
		);
	if (built.value.outputs.length > 1)
		io.stderr(
			`note: the spec has ${built.value.outputs.length} heads; axon train fits the first, "${head.name}".\n`
		);
	return ok({
		model: built.value.model,
		task: head.kind,
		window: spec.data.input.window,
		spec: spec.data,
		name: spec.data.name,
		training: { ...training, task: head.kind }
	});
}

function formatProgress(p: TrainingProgress): string {
	const eta = p.etaMs === null ? '' : ` ETA ${(p.etaMs / 1000).toFixed(1)}s`;
	const val =
		p.valLoss === null
			? ''
			: ` val_loss ${p.valLoss.toFixed(6)} val_metric ${p.valMetric?.toFixed(4) ?? 'n/a'}`;
	return `epoch ${p.epoch}/${p.epochs} step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(6)}${val} lr ${p.learningRate.toExponential(2)} ${Math.round(p.samplesPerSec)} samples/s${eta}`;
}

async function predictValidation(
	model: tf.LayersModel,
	data: { x: Float32Array; inputShape: readonly number[]; samples: number; trainSamples: number }
) {
	const stride = data.inputShape.reduce((a, b) => a * b, 1);
	const n = data.samples - data.trainSamples;
	const out = tf.tidy(() => {
		const x = tf.tensor(data.x.slice(data.trainSamples * stride), [n, ...data.inputShape]);
		const y = model.predict(x);
		return (Array.isArray(y) ? y[0] : y).reshape([n, -1]);
	});
	const values = (await out.data()) as Float32Array;
	const width = out.shape[1] ?? 1;
	out.dispose();
	return { values, width };
}

/** Writes the four files into a fresh temporary directory, then renames it into place. */
async function writeBundle(
	dir: string,
	bundle: Awaited<ReturnType<typeof exportNativeModel>>
): Promise<void> {
	const temp = `${dir}.tmp-${process.pid}`;
	await rm(temp, { recursive: true, force: true });
	await mkdir(temp, { recursive: true });
	await writeFile(join(temp, 'model.json'), JSON.stringify(bundle.modelJson));
	await writeFile(join(temp, WEIGHTS_FILE), new Uint8Array(bundle.weights));
	await writeFile(join(temp, 'spec.json'), `${JSON.stringify(bundle.spec, null, 2)}\n`);
	await writeFile(join(temp, 'card.json'), `${JSON.stringify(bundle.card, null, 2)}\n`);
	await rm(dir, { recursive: true, force: true });
	await rename(temp, dir);
}
