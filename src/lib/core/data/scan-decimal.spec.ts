import { describe, expect, it } from 'vitest';
import { readNumberLenient } from './read-number-lenient';
import { scanDecimal } from './scan-decimal';

/** The grammar `parseDecimal` used to test with a regular expression: the reference. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const reference = (s: string): number => (DECIMAL.test(s) ? Number(s) : NaN);

describe('scanDecimal', () => {
	it.each([
		'0',
		'-0',
		'+0',
		'1',
		'-1',
		'3.18',
		'100.1234',
		'5.',
		'.5',
		'-.5',
		'+100.5',
		'0.1',
		'0.3',
		'123456789012345',
		'1234567890123456',
		'12345678901234567890',
		'0.000000000000000000001',
		'9007199254740993',
		'1.7976931348623157',
		'1e3',
		'1E-3',
		'2.5e+10',
		'1e999',
		'-1e999',
		'4.9e-324',
		'',
		' 1',
		'1 ',
		'.',
		'-',
		'+',
		'e5',
		'1e',
		'1e+',
		'1.2.3',
		'--1',
		'+-1',
		'0x1F',
		'1_000',
		'NaN',
		'Inf',
		'Infinity',
		'1,5',
		'١٢'
	])('reads %j as Number() does for a decimal literal, NaN otherwise', (text) => {
		expect(Object.is(scanDecimal(text), reference(text))).toBe(true);
	});

	it('gives Number()’s double for 50,000 random prices (bit-identical)', () => {
		let s = 12345;
		for (let k = 0; k < 50_000; k++) {
			s = (Math.imul(s, 1103515245) + 12345) >>> 0;
			const digits = 1 + (s % 9);
			const text = ((s / 2 ** 32) * 10 ** (s % 8)).toFixed(digits);
			expect(Object.is(scanDecimal(text), Number(text))).toBe(true);
		}
	});
});

describe('readNumberLenient', () => {
	it.each([
		['1.5', 1.5, null],
		[' 2 ', 2, null],
		['', NaN, 'empty'],
		['-Inf', -Infinity, 'infinite'],
		['infinity', Infinity, 'infinite'],
		['1e999', Infinity, 'infinite'],
		['n/a', NaN, 'not_a_number'],
		['NaN', NaN, 'not_a_number']
	])('reads %j as %s with issue %s', (text, value, issue) => {
		expect(readNumberLenient(text)).toEqual({ value, issue });
	});
});
