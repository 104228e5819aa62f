/**
 * The learning rate of one optimiser step under a schedule: pure, so the page can plot it before a
 * run and a resumed run recomputes it from the step counter alone.
 */
import type { ScheduleConfig } from '$lib/core/protocol/training';

/**
 * Learning rate for 0-based `step` of `totalSteps`. Warm-up is linear, `base·(step+1)/warmupSteps`,
 * so the first step is not wasted at 0. After warm-up, with `t = step − warmupSteps` and
 * `T = totalSteps − warmupSteps`:
 * - constant: `base`
 * - cosine (Loshchilov & Hutter 2017, SGDR): `min + (base − min)·(1 + cos(π·t/T))/2`
 * - step: `base·gamma^⌊t/stepSize⌋`
 *
 * @example
 * learningRateAt(1e-3, { warmupSteps: 10, decay: { type: 'cosine', minLearningRate: 0 } }, 4, 110); // 5e-4
 */
export function learningRateAt(
	base: number,
	schedule: ScheduleConfig,
	step: number,
	totalSteps: number
): number {
	const { warmupSteps, decay } = schedule;
	if (step < warmupSteps) return (base * (step + 1)) / warmupSteps;
	const t = step - warmupSteps;
	switch (decay.type) {
		case 'constant':
			return base;
		case 'cosine': {
			const span = Math.max(1, totalSteps - warmupSteps);
			const progress = Math.min(1, t / span);
			return (
				decay.minLearningRate +
				((base - decay.minLearningRate) * (1 + Math.cos(Math.PI * progress))) / 2
			);
		}
		case 'step':
			return base * decay.gamma ** Math.floor(t / decay.stepSize);
	}
}
