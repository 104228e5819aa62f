import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { warmupOf } from './warmup-of';

const message = (source: string) => {
	const r = compile(source);
	if (r.ok) throw new Error(`expected ${source} to fail`);
	return r;
};

describe('compile', () => {
	it('compile parses Qlib-style expressions into a tree', () => {
		const r = compile('Mean($close, 5) / $close');
		expect(r.ok && r.value).toMatchObject({
			kind: 'binary',
			op: '/',
			left: { kind: 'call', name: 'Mean', params: [5], args: [{ kind: 'field', name: 'close' }] },
			right: { kind: 'field', name: 'close' }
		});
	});

	it('compile binds * and / tighter than + and -, and comparisons loosest', () => {
		const r = compile('1 + 2 * 3 > 4');
		expect(r.ok && r.value).toMatchObject({
			op: '>',
			left: { op: '+', right: { op: '*' } }
		});
	});

	it('compile reports a missing parenthesis with its column and the token found', () => {
		const r = message('Mean($close, 5, 3)');
		expect(r.message).toBe('Mean expects 2 arguments, Mean(x, n), got 3 at column 1');
		const p = message('($close + 1, 2)');
		expect(p.message).toBe("expected ')' at column 12, found ','");
		expect(p.details).toMatchObject({ column: 12, found: ',' });
		expect(message('Mean($close, 5').message).toBe(
			"expected ')' at column 15, found end of expression"
		);
	});

	it('compile reports stray tokens and characters by column', () => {
		expect(message('1 + * 2').message).toMatch(/column 5, found '\*'/);
		expect(message('$close $open').message).toMatch(/unexpected '\$open' at column 8/);
		expect(message('$close # 2').message).toBe("unexpected character '#' at column 8");
	});

	it('compile suggests the nearest function or field name', () => {
		expect(message('Meen($close, 5)').message).toMatch(
			/unknown function 'Meen'.*did you mean 'Mean'\?/
		);
		expect(message('mean($close, 5)').details).toMatchObject({ suggestion: 'Mean' });
		expect(message('$clse').message).toMatch(/unknown field '\$clse'.*did you mean '\$close'\?/);
		expect(message('close / 2').message).toMatch(/did you mean '\$close'\?/);
	});

	it('compile checks arity and literal window arguments', () => {
		expect(message('Corr($close, 5)').message).toMatch(
			/Corr expects 3 arguments, Corr\(x, y, n\), got 2/
		);
		expect(message('Mean($close, 2.5)').message).toMatch(/integer in \[1, 10000\], got 2.5/);
		expect(message('Mean($close, 0)').message).toMatch(/got 0/);
		expect(message('Std($close, 1)').message).toMatch(/integer in \[2, 10000\]/);
		expect(message('Mean($close, $open)').message).toMatch(/must be a number literal/);
		expect(message('Quantile($close, 5, 1.5)').message).toMatch(/must be in \[0, 1\]/);
	});

	it('compile rejects a negative Ref or Delta lag as look-ahead', () => {
		const r = message('Ref($close, -2)');
		expect(r.message).toMatch(/would read 2 bar\(s\) into the future/);
		expect(message('Delta($close, -1)').message).toMatch(/into the future/);
	});
});

describe('warmupOf', () => {
	it.each([
		['$close', 0],
		['Ref($close, 3)', 3],
		['Mean(Ref($close, 1), 5)', 5],
		['Corr($close, Ref($close, 3), 10)', 12],
		['EMA($close, 4) - Std($volume, 6)', 5],
		['If($close > Ref($close, 2), Mean($close, 4), 0)', 3]
	])('warmupOf(%s) is %i', (source, rows) => {
		const r = compile(source);
		expect(r.ok && warmupOf(r.value)).toBe(rows);
	});
});
