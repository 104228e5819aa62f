import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '../core/features';
import { planFeatureKernels } from './feature-plan';

describe('planFeatureKernels', () => {
	it('planFeatureKernels(DEFAULT_FEATURES) copies log returns and batches rolling and EMA columns', () => {
		const plan = planFeatureKernels(DEFAULT_FEATURES);
		expect(plan).toMatchObject({
			needsLogReturn: true,
			logReturnColumns: [0],
			rolling: 2,
			emas: 2
		});
		// (kind, window, source, column) for rolling, then (period, source, column, 0) for EMAs.
		expect(Array.from(plan.params)).toEqual([0, 20, 1, 1, 1, 20, 1, 2, 12, 0, 3, 0, 26, 0, 4, 0]);
	});

	it('planFeatureKernels skips the log-return kernel when nothing reads log returns', () => {
		const plan = planFeatureKernels([
			{ kind: 'ema', period: 5 },
			{ kind: 'rolling_std', window: 3 }
		]);
		expect(plan.needsLogReturn).toBe(false);
		expect(Array.from(plan.params)).toEqual([1, 3, 0, 1, 5, 0, 0, 0]);
	});

	it('planFeatureKernels of no specs plans nothing', () => {
		expect(planFeatureKernels([])).toMatchObject({
			needsLogReturn: false,
			rolling: 0,
			emas: 0,
			logReturnColumns: []
		});
	});
});
