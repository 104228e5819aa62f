import { describe, expect, it } from 'vitest';
import { defaultParams, specOf, stepError, stepsOf, type DesignerStep } from './designer-steps';

describe('designer steps', () => {
	it('starts an indicator with its registry defaults and accepts them', () => {
		const step: DesignerStep = {
			key: 0,
			kind: 'indicator',
			id: 'bollinger',
			params: defaultParams('bollinger')
		};
		expect(step.params).toEqual({ period: 20, k: 2 });
		expect(stepError(step)).toBeNull();
	});

	it('says which param is out of range and where an expression fails to parse', () => {
		expect(stepError({ key: 0, kind: 'indicator', id: 'rsi', params: { n: 0 } })).toMatch(
			/n must be an integer/
		);
		expect(
			stepError({ key: 1, kind: 'expression', name: 'x', expression: 'Mean($close, 5' })
		).toMatch(/column 15/);
		expect(stepError({ key: 2, kind: 'expression', name: '1x', expression: '$close' })).toMatch(
			/^name:/
		);
	});

	it('round-trips steps through the spec the worker receives', () => {
		const steps: DesignerStep[] = [
			{ key: 0, kind: 'indicator', id: 'sma', params: { n: 5 } },
			{ key: 1, kind: 'expression', name: 'r', expression: '$close / Ref($close, 1) - 1' }
		];
		const spec = specOf(steps, 'mine');
		expect(spec.name).toBe('mine');
		expect(stepsOf(spec)).toEqual(steps);
	});
});
