import { describe, expect, it } from 'vitest';
import {
	applyReproduce,
	choicesOf,
	defaultForm,
	modelEntry,
	readModelFiles,
	REPRODUCE_KEY,
	reproduceRequest
} from './contender-form';

describe('the session form: imported models', () => {
	it('reads one .onnx file, or the three files of a native export, and names what is missing otherwise', async () => {
		const onnx = await readModelFiles([new File([new Uint8Array([1, 2, 3])], 'tiny-lstm.onnx')]);
		expect(onnx.ok && onnx.value.name).toBe('tiny-lstm');
		expect(onnx.ok && onnx.value.onnx?.byteLength).toBe(3);

		const bundle = await readModelFiles([
			new File(['{"modelTopology":{}}'], 'model.json'),
			new File([new Uint8Array(8)], 'weights.bin'),
			new File(['{"name":"gru-7"}'], 'card.json')
		]);
		expect(bundle.ok && bundle.value).toMatchObject({ name: 'gru-7', format: 'tfjs' });

		const partial = await readModelFiles([new File(['{}'], 'model.json')]);
		expect(partial).toMatchObject({ ok: false, code: 'bad_input' });
		expect(!partial.ok && partial.message).toMatch(/model\.json, weights\.bin and card\.json/);

		const broken = await readModelFiles([
			new File(['{'], 'model.json'),
			new File([new Uint8Array(8)], 'weights.bin'),
			new File(['{}'], 'card.json')
		]);
		expect(!broken.ok && broken.message).toMatch(/not valid JSON/);
	});

	it('turns a checked model into a choice with its features one per line and the form’s short rule', () => {
		const form = defaultForm();
		form.allowShort = true;
		form.models = [
			{
				...modelEntry({
					artifactId: 'abcdef123456',
					name: 'tiny',
					format: 'onnx',
					inputShape: ['batch', 8, 2],
					suggested: { window: 8, features: ['$close', '$open'], standardize: true }
				}),
				featuresText: '$close\n\n  $open  \n',
				threshold: 0.1
			},
			{
				...modelEntry({
					artifactId: 'off',
					name: 'off',
					format: 'tfjs',
					inputShape: ['batch', 4, 1],
					suggested: { window: 4, features: ['$close'], standardize: false }
				}),
				on: false
			}
		];
		const models = choicesOf(form, {}).filter((c) => c.kind === 'onnx' || c.kind === 'native');
		expect(models).toEqual([
			{
				kind: 'onnx',
				id: 'model-abcdef12',
				label: 'tiny',
				artifactId: 'abcdef123456',
				inputs: { window: 8, features: ['$close', '$open'], standardize: true },
				threshold: 0.1,
				allowShort: true
			}
		]);
	});
});

describe('the session form: reproducing a shared session', () => {
	it('takes the shared windows, execution, seed and presets, and keeps this browser’s own choices', () => {
		const form = applyReproduce(defaultForm(), {
			name: 'shared',
			windows: 3,
			train_bars: 800,
			mode: 'anchored',
			fill: 'close',
			lag: 0,
			allow_short: true,
			seed: 9,
			contenders: ['momentum', 'buy-and-hold', 'run-1234']
		});
		expect(form).toMatchObject({
			name: 'shared',
			windows: 3,
			trainBars: 800,
			mode: 'anchored',
			fill: 'close',
			lag: 0,
			allowShort: true,
			seed: 9
		});
		expect(
			Object.entries(form.presets)
				.filter(([, on]) => on)
				.map(([id]) => id)
		).toEqual(['momentum']);
		expect(form.models).toEqual([]);
	});
});

describe('the session form: the ensemble', () => {
	it('enters the checked models’ mean as one more contender when asked and two or more are checked', () => {
		const entry = (id: string) =>
			modelEntry({
				artifactId: `${id}-0000000`,
				name: id,
				format: 'onnx',
				inputShape: ['batch', 8, 1],
				suggested: { window: 8, features: ['$close'], standardize: true }
			});
		const form = {
			...defaultForm(),
			models: [entry('a'), entry('b')],
			ensemble: true,
			ensembleThreshold: 0.01
		};
		const ens = choicesOf(form, {}).find((c) => c.kind === 'ensemble');
		expect(ens).toMatchObject({
			id: 'ensemble',
			threshold: 0.01,
			label: 'Ensemble (mean of a, b)'
		});
		expect(ens?.kind === 'ensemble' && ens.members.map((m) => m.artifactId)).toEqual([
			'a-0000000',
			'b-0000000'
		]);
		const single = { ...form, models: [entry('a')] };
		expect(choicesOf(single, {}).some((c) => c.kind === 'ensemble')).toBe(false);
	});
});

describe('the session form: a reproduce link survives loading the data first', () => {
	it('remembers a valid request from the URL for the tab and ignores an invalid one', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		};
		const q = new URLSearchParams({
			reproduce: '1',
			name: 'shared',
			windows: '3',
			train_bars: '800',
			mode: 'anchored',
			fill: 'close',
			lag: '0',
			allow_short: '1',
			seed: '9',
			contenders: 'momentum'
		});
		expect(reproduceRequest(q, storage)?.name).toBe('shared');
		// Back from /data without the query: the same request.
		expect(reproduceRequest(new URLSearchParams(), storage)?.windows).toBe(3);
		store.set(REPRODUCE_KEY, 'reproduce=1&windows=oops');
		expect(reproduceRequest(new URLSearchParams(), storage)).toBeNull();
	});
});
