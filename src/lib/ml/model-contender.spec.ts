// Imported models in the arena (issues #4 and #6): the PyTorch-exported ONNX fixture and a native
// tfjs bundle run over the bundled TTRC bars through the arena worker's API (no worker), as
// contenders of a real walk-forward battle.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	defaultModelFeatures,
	sliceSeries,
	type BattleConfig,
	type ModelChoice
} from '$lib/core/arena';
import { ttrcSeries } from '$lib/core/indicators/testing/ttrc-series';
import { createArenaApi } from '$lib/pipeline/arena-api';
import { getBattleSession } from '$lib/store/battle-repository';
import { AxonDb } from '$lib/store/db';
import { selectBackend } from './backend';
import { exportNativeModel } from './export/native-model-bundle';
import { nativePredictor } from './export/native-predictor';
import { predictSeries } from './model-contender';
import { createModelLoader } from './model-loader';
import type { OrtRuntime } from './onnx/onnx-model';

beforeAll(async () => {
	await selectBackend('cpu');
});

// Node resolves onnxruntime-web's Node build (WASM provider) under the `node` export condition.
const loader = createModelLoader(async () => (await import('onnxruntime-web')) as OrtRuntime);
const onnxBytes = () => {
	const b = readFileSync('tests/fixtures/onnx/tiny-lstm.onnx');
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
// The last 900 TTRC bars keep the test quick; the fixture takes [batch, 8, 3].
const full = ttrcSeries();
const series = sliceSeries(full, full.close.length - 900, full.close.length);
const inputs = { window: 8, features: defaultModelFeatures(3), standardize: true };
const config: BattleConfig = {
	walkForward: { windows: 2, trainBars: 400, mode: 'rolling' },
	execution: { fees: { bps: 5 }, allowShort: true },
	periodsPerYear: 252,
	seed: 1,
	resamples: 50,
	fanPaths: 20
};

async function setup() {
	const db = new AxonDb(`models-${crypto.randomUUID()}`);
	const { symbol, ...columns } = series;
	await db.datasets.put({
		id: 'ttrc',
		name: 'TTRC (last 900 bars)',
		symbol,
		source: 'upload',
		contentHash: 'f'.repeat(64),
		rows: series.close.length,
		firstTime: series.time[0],
		lastTime: series.time[series.time.length - 1],
		warnings: [],
		createdAt: 1,
		columns
	});
	return { db, api: createArenaApi(() => db, loader) };
}

describe('an ONNX model as an arena contender', () => {
	it('is checked and stored on import, then battles on real bars and reaches the leaderboard', async () => {
		const { db, api } = await setup();
		const imported = await api.importModel({
			name: 'tiny-lstm',
			format: 'onnx',
			onnx: onnxBytes()
		});
		if (!imported.ok) throw new Error(imported.message);
		expect(imported.value.inputShape).toEqual(['batch', 8, 3]);
		expect(imported.value.engine).toMatch(/onnxruntime-web wasm/);
		expect(imported.value.suggested).toEqual(inputs);
		const choice: ModelChoice = {
			kind: 'onnx',
			id: 'tiny-lstm',
			label: 'tiny-lstm (ONNX)',
			artifactId: imported.value.artifactId,
			inputs,
			threshold: 0,
			allowShort: true
		};
		const r = await api.runSession({
			name: 'onnx',
			datasetId: 'ttrc',
			contenders: [choice, { kind: 'buy_and_hold', id: 'bh', label: 'Buy & hold' }],
			config
		});
		if (!r.ok) throw new Error(r.message);
		const outcome = (await getBattleSession(db, r.value.id))!.outcome!;
		const model = outcome.contenders.find((c) => c.id === 'tiny-lstm')!;
		expect(model.kind).toBe('onnx');
		expect(model.returns.length).toBe(500);
		expect(Number.isFinite(model.metrics.sharpe)).toBe(true);
		expect(model.verdict).toMatch(/./);
		// It traded: the fixture's outputs are not all on one side of zero on these bars.
		expect(model.trades.length).toBeGreaterThan(0);
	});

	it('is causal: changing the bars after t leaves every prediction up to t unchanged', async () => {
		const loaded = await loader({ format: 'onnx', onnx: onnxBytes(), name: 'tiny-lstm' });
		if (!loaded.ok) throw new Error(loaded.message);
		const t = 700;
		// Copies of the columns this test changes (sliceSeries gives views of the parsed file).
		const altered = {
			...series,
			close: series.close.slice(),
			high: series.high.slice(),
			volume: series.volume.slice()
		};
		for (let i = t + 1; i < altered.close.length; i++) {
			altered.close[i] *= 1.5;
			altered.high[i] *= 1.5;
			altered.volume[i] *= 3;
		}
		const a = await predictSeries(loaded.value.predictor, series, inputs, { fitEnd: 400 });
		const b = await predictSeries(loaded.value.predictor, altered, inputs, { fitEnd: 400 });
		loaded.value.predictor.dispose();
		if (!a.ok || !b.ok) throw new Error('predict failed');
		expect(Array.from(b.value.predictions.subarray(0, t + 1))).toEqual(
			Array.from(a.value.predictions.subarray(0, t + 1))
		);
		expect(b.value.predictions[t + 5]).not.toBe(a.value.predictions[t + 5]);
		// Warm-up: no prediction before 20 bars of returns (the 20-bar features) and a full window.
		const firstFinite = a.value.predictions.findIndex(Number.isFinite);
		expect(firstFinite).toBe(20 + 8 - 1);
	});

	it('refuses garbage bytes, a window or feature count that disagrees with the model, and a bad expression — storing nothing', async () => {
		const { db, api } = await setup();
		const garbage = await api.importModel({
			name: 'junk.onnx',
			format: 'onnx',
			onnx: new TextEncoder().encode('not a model').buffer as ArrayBuffer
		});
		expect(garbage).toMatchObject({ ok: false, code: 'bad_input' });
		expect(!garbage.ok && garbage.message).toMatch(/^junk\.onnx: /);
		expect(await db.modelArtifacts.count()).toBe(0);

		const imported = await api.importModel({
			name: 'tiny-lstm',
			format: 'onnx',
			onnx: onnxBytes()
		});
		if (!imported.ok) throw new Error(imported.message);
		const base: ModelChoice = {
			kind: 'onnx',
			id: 'm',
			label: 'tiny',
			artifactId: imported.value.artifactId,
			inputs,
			threshold: 0,
			allowShort: false
		};
		const cases: [Partial<ModelChoice['inputs']>, RegExp][] = [
			[{ window: 9 }, /tiny: the model expects windows of 8 bars, the form gives 9/],
			[
				{ features: defaultModelFeatures(4) },
				/tiny: the model expects 3 features per bar, the form lists 4/
			],
			[{ features: ['$close', 'Mean($close,', '$open'] }, /tiny, feature 2 \(Mean\(\$close,\)/]
		];
		for (const [change, message] of cases) {
			const r = await api.runSession({
				name: 'bad',
				datasetId: 'ttrc',
				contenders: [{ ...base, inputs: { ...inputs, ...change } }],
				config
			});
			expect(r).toMatchObject({ ok: false, code: 'bad_input' });
			expect(!r.ok && r.message).toMatch(message);
		}
	});
});

describe('a native tfjs bundle as an arena contender', () => {
	it('imports from its exported files and predicts what the in-memory model predicts', async () => {
		const model = tf.sequential({
			layers: [
				tf.layers.lstm({
					units: 4,
					inputShape: [8, 3],
					kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
					recurrentInitializer: tf.initializers.orthogonal({ seed: 2 })
				}),
				tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })
			]
		});
		const bundle = await exportNativeModel(model, {
			card: { name: 'lstm-4', task: 'regression' }
		});
		const { db, api } = await setup();
		const imported = await api.importModel({
			name: 'lstm-4',
			format: 'tfjs',
			tfjs: { modelJson: bundle.modelJson, weights: bundle.weights, card: bundle.card }
		});
		if (!imported.ok) throw new Error(imported.message);
		expect(imported.value.inputShape).toEqual(['batch', 8, 3]);
		expect(imported.value.engine).toBe('tfjs cpu');

		const artifact = (await db.modelArtifacts.get(imported.value.artifactId))!;
		const reloaded = await loader(artifact);
		if (!reloaded.ok) throw new Error(reloaded.message);
		const fromBundle = await predictSeries(reloaded.value.predictor, series, inputs, {
			fitEnd: 400
		});
		const inMemory = await predictSeries(nativePredictor(model), series, inputs, { fitEnd: 400 });
		reloaded.value.predictor.dispose();
		if (!fromBundle.ok || !inMemory.ok) throw new Error('predict failed');
		expect(Array.from(fromBundle.value.predictions)).toEqual(
			Array.from(inMemory.value.predictions)
		);

		const r = await api.runSession({
			name: 'native',
			datasetId: 'ttrc',
			contenders: [
				{
					kind: 'native',
					id: 'lstm-4',
					label: 'LSTM-4',
					artifactId: imported.value.artifactId,
					inputs,
					threshold: 0,
					allowShort: false
				}
			],
			config
		});
		if (!r.ok) throw new Error(r.message);
		const outcome = (await getBattleSession(db, r.value.id))!.outcome!;
		expect(outcome.contenders.find((c) => c.id === 'lstm-4')?.kind).toBe('native');
	});
});

describe('an ensemble of an ONNX model and a native bundle', () => {
	it('battles beside its members on real bars', async () => {
		const model = tf.sequential({
			layers: [tf.layers.gru({ units: 3, inputShape: [8, 3] }), tf.layers.dense({ units: 1 })]
		});
		const bundle = await exportNativeModel(model, { card: { name: 'gru-3', task: 'regression' } });
		model.dispose();
		const { db, api } = await setup();
		const onnx = await api.importModel({ name: 'tiny-lstm', format: 'onnx', onnx: onnxBytes() });
		const native = await api.importModel({
			name: 'gru-3',
			format: 'tfjs',
			tfjs: { modelJson: bundle.modelJson, weights: bundle.weights, card: bundle.card }
		});
		if (!onnx.ok || !native.ok) throw new Error('import failed');
		const members: ModelChoice[] = [
			{
				kind: 'onnx',
				id: 'onnx',
				label: 'tiny-lstm',
				artifactId: onnx.value.artifactId,
				inputs,
				threshold: 0,
				allowShort: true
			},
			{
				kind: 'native',
				id: 'native',
				label: 'gru-3',
				artifactId: native.value.artifactId,
				inputs,
				threshold: 0,
				allowShort: true
			}
		];
		const r = await api.runSession({
			name: 'ensemble',
			datasetId: 'ttrc',
			contenders: [
				...members,
				{ kind: 'ensemble', id: 'ens', label: 'Ensemble', members, threshold: 0, allowShort: true }
			],
			config
		});
		if (!r.ok) throw new Error(r.message);
		const outcome = (await getBattleSession(db, r.value.id))!.outcome!;
		expect(outcome.contenders.map((c) => [c.id, c.kind])).toEqual([
			['onnx', 'onnx'],
			['native', 'native'],
			['ens', 'ensemble'],
			['buy-and-hold', 'buy_and_hold']
		]);
		expect(Number.isFinite(outcome.contenders[2].metrics.sharpe)).toBe(true);
	});
});
