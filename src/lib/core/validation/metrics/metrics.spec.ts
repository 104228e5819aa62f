// Reference values: small cases by hand (shown in comments), larger ones computed with numpy 1.24 in
// f64 (/usr/bin/python3; sklearn is not installed, so AUC is the brute-force Mann–Whitney count over
// all positive × negative pairs, and ranks are average ranks as scipy.stats.rankdata gives).
import { describe, expect, it } from 'vitest';
import {
	accuracy,
	argmaxRows,
	brierScore,
	f1Macro,
	logLoss,
	reliabilityBins,
	rocAuc
} from './classification-metrics';
import { intervalCoverage } from './interval-coverage';
import {
	averageRanks,
	informationCoefficient,
	meanAbsoluteError,
	meanSquaredError,
	rankInformationCoefficient
} from './regression-metrics';

const PRED = [1.2, 0.4, -0.3, 2.0, 0.9, -1.1];
const TARGET = [1.0, 0.1, -0.5, 1.5, 1.1, -0.7];
const SCORES = [0.1, 0.4, 0.35, 0.8, 0.65, 0.2, 0.9, 0.5];
const LABELS = [0, 0, 1, 1, 1, 0, 1, 0];

describe('regression metrics', () => {
	it('meanSquaredError and meanAbsoluteError match numpy (0.103333…, 0.3)', () => {
		expect(meanSquaredError(PRED, TARGET)).toBeCloseTo(0.10333333333333337, 12);
		expect(meanAbsoluteError(PRED, TARGET)).toBeCloseTo(0.3, 12);
	});

	it('informationCoefficient is Pearson correlation (numpy corrcoef 0.962819…)', () => {
		expect(informationCoefficient(PRED, TARGET)).toBeCloseTo(0.9628191591968327, 12);
		expect(informationCoefficient([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
		expect(informationCoefficient([1, 1, 1], [1, 2, 3])).toBeNaN();
	});

	it('rankInformationCoefficient is Spearman with average ranks for ties (0.394737)', () => {
		expect(averageRanks([1, 2, 2, 3, 5])).toEqual([1, 2.5, 2.5, 4, 5]);
		expect(rankInformationCoefficient([1, 2, 2, 3, 5], [2, 1, 4, 4, 3])).toBeCloseTo(
			0.3947368421052632,
			12
		);
		// By hand: ranks [1,2,3,4] vs [1,3,2,4], Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8.
		expect(rankInformationCoefficient([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
	});

	it('skips pairs with a NaN on either side', () => {
		expect(meanSquaredError([1, NaN, 3], [1, 5, 4])).toBe(0.5);
	});
});

describe('classification metrics', () => {
	it('accuracy and argmaxRows: the class of highest probability against the label', () => {
		const predicted = argmaxRows([0.8, 0.2, 0.3, 0.7, 0.6, 0.4], 2);
		expect(Array.from(predicted)).toEqual([0, 1, 0]);
		expect(accuracy(predicted, [0, 1, 1])).toBeCloseTo(2 / 3, 12);
	});

	it('f1Macro averages per-class F1 unweighted', () => {
		// Class 0: TP 2, FP 1, FN 0 → 4/5; class 1: TP 1, FP 0, FN 1 → 2/3.
		expect(f1Macro([0, 1, 0, 0], [0, 1, 1, 0], 2)).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
		// A class never seen nor predicted scores 0 (sklearn zero_division=0).
		expect(f1Macro([0, 0], [0, 0], 2)).toBeCloseTo(0.5, 12);
	});

	it('logLoss is the mean −ln p of the true class (numpy 0.417698…)', () => {
		const probs = SCORES.flatMap((p) => [1 - p, p]);
		expect(logLoss(probs, LABELS, 2)).toBeCloseTo(0.4176982473576425, 12);
		expect(logLoss([0, 1], [0], 2)).toBeCloseTo(-Math.log(1e-15), 6);
	});

	it('rocAuc is the Mann–Whitney probability a positive outranks a negative (0.875; ties ½)', () => {
		expect(rocAuc(SCORES, LABELS)).toBeCloseTo(0.875, 12);
		// By hand: positives {0.35, 0.8}, negatives {0.1, 0.4}: pairs won 1 + 2 = 3 of 4.
		expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
		expect(rocAuc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5, 12);
		expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
	});

	it('brierScore is the mean squared error of the probability (Brier 1950; numpy 0.131875)', () => {
		expect(brierScore(SCORES, LABELS)).toBeCloseTo(0.131875, 12);
		expect(brierScore([0.9, 0.2], [1, 0])).toBeCloseTo(0.025, 12);
	});

	it('reliabilityBins reports per-bin mean prediction and observed rate', () => {
		const bins = reliabilityBins([0.1, 0.2, 0.9, 1], [0, 1, 1, 1], 2);
		expect(bins[0]).toMatchObject({ lower: 0, upper: 0.5, count: 2, observedRate: 0.5 });
		expect(bins[0].meanPredicted).toBeCloseTo(0.15, 12);
		expect(bins[1]).toMatchObject({ count: 2, meanPredicted: 0.95, observedRate: 1 });
	});
});

describe('intervalCoverage', () => {
	it('counts outcomes inside [lower, upper] (bounds included) and averages the widths', () => {
		const r = intervalCoverage([1, 5, 3, 4], [0, 0, 0, 4], [2, 4, 4, 6]);
		expect(r.coverage).toBe(0.75);
		expect(r.meanWidth).toBe((2 + 4 + 4 + 2) / 4);
		expect(r.count).toBe(4);
	});
});
