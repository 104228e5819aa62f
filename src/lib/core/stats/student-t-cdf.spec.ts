import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf';
import { studentTCdf } from './student-t-cdf';

/** [t, ν, pt(t, ν)] from R 4 (`options(digits = 17); pt(t, df)`). */
const R_PT: [number, number, number][] = [
	[-40, 1, 0.007956089912025812],
	[-6, 1, 0.052568456711253424],
	[-2.1, 1, 0.14146302812150899],
	[1.7, 1, 0.83074697266966735],
	[-40, 2, 0.0003122073360923703],
	[-0.3, 2, 0.39624283042008879],
	[4, 2, 0.97140452079103168],
	[-40, 5, 9.2059810858864758e-8],
	[-2.1, 5, 0.04487662494229934],
	[1.7, 5, 0.92506160657583814],
	[-40, 29, 3.1734386648646587e-27],
	[-6, 29, 7.963954213087339e-7],
	[-2.1, 29, 0.022270979018145221],
	[4, 29, 0.99979996802717375],
	[-40, 100, 1.2310538010700368e-63],
	[-6, 100, 1.5862457514014301e-8],
	[1.7, 100, 0.95388033649849036],
	[-40, 1000, 5.2394260775864375e-210],
	[-6, 1000, 1.3776845866887376e-9],
	[-0.3, 1000, 0.38211975208362209],
	[4, 1000, 0.99996599504039563]
];

/** Large ν: ln B(ν/2, ½) cancels, so the documented accuracy is 1e−9 relative. */
const R_PT_LARGE_DF: [number, number, number][] = [
	[-6, 1e5, 9.8996472780088155e-10],
	[-2.1, 1e5, 0.0178656698161484],
	[-0.3, 1e5, 0.38208888959516885],
	[1.7, 1e5, 0.95543298237566854]
];

describe('studentTCdf', () => {
	it.each(R_PT)('studentTCdf(%s, %s) matches R pt to 1e-12 relative', (t, df, expected) => {
		expect(Math.abs(studentTCdf(t, df) - expected) / expected).toBeLessThan(1e-12);
	});
	it.each(R_PT_LARGE_DF)('studentTCdf(%s, %s) matches R pt to 1e-9 relative', (t, df, expected) => {
		expect(Math.abs(studentTCdf(t, df) - expected) / expected).toBeLessThan(1e-9);
	});
	it('is the Cauchy distribution at ν = 1: ½ + atan(t)/π', () => {
		expect(studentTCdf(0.8, 1)).toBeCloseTo(0.5 + Math.atan(0.8) / Math.PI, 14);
	});
	it('is ½ at 0, symmetric, and Φ at ν = ∞', () => {
		expect(studentTCdf(0, 7)).toBe(0.5);
		expect(studentTCdf(1.3, 7) + studentTCdf(-1.3, 7)).toBeCloseTo(1, 15);
		expect(studentTCdf(1.3, Infinity)).toBe(normalCdf(1.3));
	});
	it('is NaN for NaN t or ν ≤ 0, and 0 / 1 at ∓∞', () => {
		expect(studentTCdf(NaN, 3)).toBeNaN();
		expect(studentTCdf(1, 0)).toBeNaN();
		expect(studentTCdf(-Infinity, 3)).toBe(0);
		expect(studentTCdf(Infinity, 3)).toBe(1);
	});
});
