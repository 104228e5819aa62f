import { describe, expect, it } from 'vitest';
import { boxMuller } from '../montecarlo/path-returns';
import { CounterRng } from '../random/philox';
import { MixtureSprt } from './mixture-sprt';

/** Fraction of seeded simulations in which the test ever declares significance within `bars`. */
function rejectionRate(meanShift: number, sims: number, bars: number): number {
	let rejected = 0;
	for (let s = 0; s < sims; s++) {
		const rng = new CounterRng(1000 + s, 3);
		const test = new MixtureSprt({ alpha: 0.05 });
		for (let t = 0; t < bars; t++) {
			const z = boxMuller(rng.nextU32(), rng.nextU32());
			if (test.push(0.01 * (z + meanShift)).significant) {
				rejected++;
				break;
			}
		}
	}
	return rejected / sims;
}

describe('MixtureSprt (always-valid p-values)', () => {
	it('keeps the type-I error at α = 5% under continuous monitoring when there is no difference', () => {
		// 400 seeded nulls of 500 bars, peeking after every bar: the MC standard error of a 5% rate is
		// 1.1%, so 7% is α plus two standard errors.
		expect(rejectionRate(0, 400, 500)).toBeLessThanOrEqual(0.07);
	});

	it('detects a 0.2σ per-bar edge within 500 bars at least 80% of the time', () => {
		expect(rejectionRate(0.2, 200, 500)).toBeGreaterThanOrEqual(0.8);
	});

	it('never raises its p-value once it has fallen (the p-value is a running minimum)', () => {
		const test = new MixtureSprt();
		const rng = new CounterRng(5);
		let last = 1;
		for (let t = 0; t < 300; t++) {
			const p = test.push(0.01 * boxMuller(rng.nextU32(), rng.nextU32()) + 0.002).pValue;
			expect(p).toBeLessThanOrEqual(last);
			last = p;
		}
	});

	it('says nothing during the burn-in', () => {
		const test = new MixtureSprt({ burnIn: 30 });
		for (let t = 0; t < 29; t++) expect(test.push(1 + t).pValue).toBe(1);
	});
});
