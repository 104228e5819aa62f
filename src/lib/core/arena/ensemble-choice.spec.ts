import { describe, expect, it } from 'vitest';
import { err, ok } from '../result';
import { contendersFromChoices, type ModelChoice } from './contender-choice';
import type { OhlcvSeries } from '../ohlcv';

const time = Float64Array.from({ length: 6 }, (_, i) => i * 86_400_000);
const bars = { time, close: new Float64Array(6).fill(100) } as unknown as OhlcvSeries;
const member = (id: string): ModelChoice => ({
	kind: 'onnx',
	id,
	label: id,
	artifactId: id,
	inputs: { window: 1, features: ['$close'], standardize: false },
	threshold: 0,
	allowShort: true
});
const predictions: Record<string, number[]> = {
	a: [NaN, 0.3, -0.2, 0.1, -0.4, 0.05],
	b: [0.1, NaN, -0.2, -0.3, 0.2, 0.05]
};
const runModel = async (c: ModelChoice) =>
	ok({ time, predictions: Float64Array.from(predictions[c.artifactId]) });

describe('an ensemble of imported models', () => {
	it('trades the mean of its members’ predictions, flat wherever a member has none', async () => {
		const r = await contendersFromChoices(
			[
				{
					kind: 'ensemble',
					id: 'ens',
					label: 'Ensemble',
					members: [member('a'), member('b')],
					threshold: 0.02,
					allowShort: true
				}
			],
			async () => null,
			runModel
		);
		if (!r.ok) throw new Error(r.message);
		const [ens] = r.value;
		expect(ens.kind).toBe('ensemble');
		// Means: NaN, NaN, −0.2, −0.1, −0.1, 0.05 → flat, flat, short, short, short, long.
		expect(Array.from(ens.targets(bars, { start: 0, end: 6 }))).toEqual([0, 0, -1, -1, -1, 1]);
	});

	it('needs two members and fails with the first member that fails', async () => {
		const base = {
			kind: 'ensemble' as const,
			id: 'e',
			label: 'E',
			threshold: 0,
			allowShort: false
		};
		const one = await contendersFromChoices(
			[{ ...base, members: [member('a')] }],
			async () => null,
			runModel
		);
		expect(!one.ok && one.message).toMatch(/at least two models/);
		const broken = await contendersFromChoices(
			[{ ...base, members: [member('a'), member('b')] }],
			async () => null,
			async (c) => (c.id === 'b' ? err('bad_input', 'b: the model file is gone') : runModel(c))
		);
		expect(broken).toMatchObject({
			ok: false,
			code: 'bad_input',
			message: 'b: the model file is gone'
		});
	});
});
