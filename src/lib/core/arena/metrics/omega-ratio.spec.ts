import { describe, expect, it } from 'vitest';
import { omegaRatio } from './omega-ratio';

describe('omegaRatio', () => {
	it('divides the gains above the threshold by the losses below it', () => {
		expect(omegaRatio(Float64Array.of(0.03, -0.01, 0.01, -0.02))).toBeCloseTo(0.04 / 0.03, 14);
		expect(omegaRatio(Float64Array.of(0.03, -0.01, 0.01), 0.01)).toBeCloseTo(0.02 / 0.02, 14);
	});
	it('is null without a loss', () => {
		expect(omegaRatio(Float64Array.of(0.01, 0.02))).toBeNull();
	});
});
