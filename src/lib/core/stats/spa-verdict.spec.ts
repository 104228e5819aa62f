import { describe, expect, it } from 'vitest';
import type { SpaResult } from './hansen-spa';
import { spaVerdict } from './spa-verdict';

const result = (pValue: number, bestModel: number): SpaResult => ({
	statistic: 2.5,
	pValue,
	pValueLower: pValue,
	pValueUpper: pValue,
	meanDifferences: new Float64Array(3),
	omega: new Float64Array(3),
	bestModel,
	resamples: 1000,
	meanBlock: 5
});

describe('spaVerdict', () => {
	it('names the best model when the consistent p-value rejects', () => {
		expect(
			spaVerdict({
				result: result(0.004, 1),
				benchmark: 'Buy & hold',
				modelNames: ['LSTM', 'GRU', 'TCN']
			})
		).toBe(
			'at least one model beats Buy & hold at 95%, best GRU (Hansen SPA, p = 0.004, 3 models)'
		);
	});
	it('says no model beats the benchmark otherwise', () => {
		expect(spaVerdict({ result: result(0.412, 0), benchmark: 'Buy & hold' })).toBe(
			'no model beats Buy & hold at 95% (Hansen SPA, p = 0.412, 3 models)'
		);
	});
});
