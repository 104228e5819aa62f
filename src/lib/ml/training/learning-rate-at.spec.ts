import { describe, expect, it } from 'vitest';
import { ScheduleConfig } from '$lib/core/protocol/training';
import { learningRateAt } from './learning-rate-at';

const schedule = (s: unknown) => ScheduleConfig.parse(s);

describe('learningRateAt', () => {
	it('warms up linearly: step k of 10 runs at base·(k+1)/10', () => {
		const s = schedule({ warmupSteps: 10 });
		expect(learningRateAt(1e-3, s, 0, 100)).toBeCloseTo(1e-4, 12);
		expect(learningRateAt(1e-3, s, 4, 100)).toBeCloseTo(5e-4, 12);
		expect(learningRateAt(1e-3, s, 9, 100)).toBeCloseTo(1e-3, 12);
		expect(learningRateAt(1e-3, s, 50, 100)).toBe(1e-3);
	});

	it('cosine anneals from base to the minimum: halfway it is the midpoint (SGDR, no restarts)', () => {
		const s = schedule({ warmupSteps: 10, decay: { type: 'cosine', minLearningRate: 1e-4 } });
		expect(learningRateAt(1e-3, s, 10, 110)).toBeCloseTo(1e-3, 12);
		expect(learningRateAt(1e-3, s, 60, 110)).toBeCloseTo(5.5e-4, 12);
		// A quarter of the way: min + (base − min)·(1 + cos(π/4))/2.
		expect(learningRateAt(1e-3, s, 35, 110)).toBeCloseTo(
			1e-4 + (9e-4 * (1 + Math.SQRT1_2)) / 2,
			12
		);
		expect(learningRateAt(1e-3, s, 110, 110)).toBeCloseTo(1e-4, 12);
	});

	it('step decay multiplies by gamma every stepSize steps', () => {
		const s = schedule({ decay: { type: 'step', stepSize: 10, gamma: 0.5 } });
		expect(learningRateAt(0.1, s, 9, 100)).toBe(0.1);
		expect(learningRateAt(0.1, s, 10, 100)).toBe(0.05);
		expect(learningRateAt(0.1, s, 25, 100)).toBe(0.025);
	});
});
