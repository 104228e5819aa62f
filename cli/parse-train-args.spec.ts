import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-args';

describe('parseCliArgs for axon train', () => {
	it('reads --spec, --data, --epochs, --seed, --out and --backend, with defaults', () => {
		expect(parseCliArgs(['train', '--spec', 's.json', '--data', 'd.csv'])).toEqual({
			ok: true,
			value: {
				kind: 'train',
				spec: 's.json',
				data: 'd.csv',
				seed: 1,
				out: 'axon-model',
				backend: 'cpu'
			}
		});
		const r = parseCliArgs([
			'train',
			'--spec',
			's.json',
			'--data',
			'd.csv',
			'--epochs',
			'3',
			'--seed',
			'9',
			'--out',
			'o',
			'--backend',
			'webgpu'
		]);
		expect(r).toEqual({
			ok: true,
			value: {
				kind: 'train',
				spec: 's.json',
				data: 'd.csv',
				epochs: 3,
				seed: 9,
				out: 'o',
				backend: 'webgpu'
			}
		});
	});

	it('refuses a bad backend, a zero epoch count and options of other commands', () => {
		const backend = parseCliArgs(['train', '--spec', 's', '--data', 'd', '--backend', 'tpu']);
		expect(backend.ok ? '' : backend.message).toMatch(/--backend must be cpu or webgpu/);
		const epochs = parseCliArgs(['train', '--spec', 's', '--data', 'd', '--epochs', '0']);
		expect(epochs.ok).toBe(false);
		const foreign = parseCliArgs(['train', '--spec', 's', '--data', 'd', '--signal', 'x']);
		expect(foreign.ok ? '' : foreign.message).toMatch(/train does not take --signal/);
	});
});
