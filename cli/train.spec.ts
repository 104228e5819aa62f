import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { importNativeModel } from '../src/lib/ml/export';

const DATASET = 'static/datasets/ttrc_daily_ohlcv.csv';
const dir = mkdtempSync(join(tmpdir(), 'axon-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const axon = (...args: string[]) =>
	spawnSync(process.execPath, ['cli/axon.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });

const spec = join(dir, 'spec.json');
writeFileSync(
	spec,
	JSON.stringify({
		model: {
			version: 1,
			name: 'tiny-lstm',
			input: { window: 8, features: 5 },
			blocks: [
				{ type: 'rnn', cell: 'lstm', units: 4, returnSequences: false, bidirectional: false }
			],
			heads: [{ name: 'next_return', kind: 'regression', units: 1 }]
		},
		training: {
			epochs: 1,
			batchSize: 512,
			learningRate: 0.003,
			optimizer: { type: 'adamw', weightDecay: 0.01 },
			clipNorm: 1,
			readLossEvery: 4
		}
	})
);

describe('axon train (spawned as a process)', () => {
	it('trains a zoo spec on the bars, prints progress and validation metrics, and writes a model that loads back', async () => {
		const out = join(dir, 'model');
		const run = axon('train', '--spec', spec, '--data', DATASET, '--seed', '3', '--out', out);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/^backend: cpu$/m);
		expect(run.stderr).toMatch(/^epoch 1\/1 step \d+\/\d+ loss \d+\.\d+ .*samples\/s ETA/m);
		for (const metric of ['mse', 'mae', 'ic', 'rank_ic'])
			expect(run.stdout).toMatch(new RegExp(`^val ${metric} -?\\d+\\.\\d{6}$`, 'm'));
		expect(run.stdout).toMatch(/^epochs 1 \(completed\), \d+ steps on cpu$/m);

		const card = JSON.parse(readFileSync(join(out, 'card.json'), 'utf8'));
		expect(card).toMatchObject({
			format: 'axon-model-card/1',
			name: 'tiny-lstm',
			inputShape: [8, 5],
			task: 'regression'
		});
		expect(card.metrics.val_mse).toBeGreaterThan(0);
		await tf.setBackend('cpu');
		const back = await importNativeModel({
			modelJson: JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')),
			weights: new Uint8Array(readFileSync(join(out, 'weights.bin'))).buffer,
			card,
			spec: JSON.parse(readFileSync(join(out, 'spec.json'), 'utf8'))
		});
		expect(back.ok).toBe(true);
		if (back.ok) {
			expect(back.value.model.countParams()).toBe(card.paramCount);
			back.value.model.dispose();
		}

		// The same seed trains to the same metrics.
		const again = axon(
			'train',
			'--spec',
			spec,
			'--data',
			DATASET,
			'--seed',
			'3',
			'--out',
			join(dir, 'again')
		);
		expect(again.stdout.replace(/again/g, 'model')).toBe(run.stdout);
	}, 120_000);

	it('exits 2 without --data and 1 with a spec that is not a model, writing nothing', () => {
		const usage = axon('train', '--spec', spec);
		expect(usage.status).toBe(2);
		expect(usage.stderr).toMatch(/train needs --data <bars.csv>/);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ model: { input: { window: 4 }, blocks: 'x' } }));
		const out = join(dir, 'never');
		const run = axon('train', '--spec', bad, '--data', DATASET, '--out', out);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/--spec is neither a model spec/);
		expect(existsSync(out)).toBe(false);
	}, 60_000);
});
