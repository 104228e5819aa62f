import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '$lib/core/expr';
import { INDICATORS, RELATIONS } from '$lib/core/indicators/registry';
import { EXPRESSION_FUNCTIONS, filterRows, REFERENCE_ROWS } from './reference-view';

describe('the /docs feature reference', () => {
	it('lists every registry op once, each with a definition, a reference and its warm-up', () => {
		const ids = [...INDICATORS, ...RELATIONS].map((d) => d.id);
		expect(REFERENCE_ROWS.map((r) => r.id).sort()).toEqual([...ids].sort());
		for (const r of REFERENCE_ROWS) {
			expect(r.definition.length, r.id).toBeGreaterThan(10);
			expect(r.reference.length, r.id).toBeGreaterThan(3);
			expect(Number.isInteger(r.warmup) && r.warmup >= 0, r.id).toBe(true);
		}
		expect(EXPRESSION_FUNCTIONS.map((f) => f.name).sort()).toEqual([...FUNCTION_NAMES].sort());
	});

	it('filters by every word of the query across id, name, category and definition', () => {
		expect(filterRows(REFERENCE_ROWS, '').length).toBe(REFERENCE_ROWS.length);
		const rsi = filterRows(REFERENCE_ROWS, 'RSI wilder');
		expect(rsi.map((r) => r.id)).toContain('rsi');
		expect(
			filterRows(REFERENCE_ROWS, 'volatility').every((r) => /volatil/i.test(JSON.stringify(r)))
		).toBe(true);
		expect(filterRows(REFERENCE_ROWS, 'no-such-feature-xyz')).toEqual([]);
	});
});
