import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { bridgeMax } from './bridge-extreme';

describe('bridgeMax', () => {
	it('is never below either endpoint', () => {
		for (const end of [-0.02, 0, 0.03]) {
			for (const u of [1, 0.5, 1e-9]) {
				expect(bridgeMax(end, 1e-4, u)).toBeGreaterThanOrEqual(Math.max(0, end));
			}
		}
	});
	it('is the straight line max(0, end) when there is no variance', () => {
		expect(bridgeMax(0.01, 0, 0.3)).toBeCloseTo(0.01, 15);
		expect(bridgeMax(-0.01, 0, 0.3)).toBeCloseTo(0, 15);
	});
	it('has the Rayleigh mean √(π/8) for a standard bridge from 0 to 0', () => {
		// The maximum of a standard Brownian bridge has P(M > m) = exp(−2m²), mean √(π/8) ≈ 0.6267, sd ≈ 0.2603.
		const rng = new CounterRng(3);
		const n = 200_000;
		let sum = 0;
		for (let i = 0; i < n; i++) sum += bridgeMax(0, 1, 1 - rng.uniform());
		expect(Math.abs(sum / n - Math.sqrt(Math.PI / 8))).toBeLessThan((4 * 0.2603) / Math.sqrt(n));
	});
});
