import { describe, expect, it } from 'vitest';
import { parseIsoTime, parseIsoTimeFast, parseIsoTimeGeneral } from './parse-iso-time';

/** xorshift32, so the sweep is the same on every run. */
function random(seed: number): () => number {
	let s = seed;
	return () => {
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s / 2 ** 32;
	};
}

const pad = (x: number, n = 2) => String(x).padStart(n, '0');

const SHAPES: ((d: number[]) => string)[] = [
	([y, mo, d]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}`,
	([y, mo, d, h, mi]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`,
	([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`,
	([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}t${pad(h)}:${pad(mi)}:${pad(s)}z`,
	([y, mo, d, h, mi, s, f]) =>
		`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${String(f).slice(0, 1 + (f % 9))}Z`,
	([y, mo, d, h, mi, s, , oh, om]) =>
		`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+${pad(oh)}:${pad(om)}`,
	([y, mo, d, h, mi, , , oh, om]) =>
		`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}-${pad(oh)}${pad(om)}`
];

describe('parseIsoTime (digit-by-digit fast path, regular-expression fallback)', () => {
	it.each([
		'1985-01-02',
		'0000-01-01',
		'0099-12-31',
		'1900-02-28',
		'2000-02-29',
		'2024-02-29T23:59:59.999Z',
		'9999-12-31T23:59:59.999999999Z',
		'1969-12-31T23:59:59.9Z',
		'2024-03-01T09:30:00+01:00',
		'2024-03-01T09:30:00-0530',
		'2024-03-01T09:30+23:59',
		'2024-03-01T09:30:00-00:00',
		'2024-03-01 09:30',
		'2024-03-01t09:30:00.12z',
		' 2024-03-01 ',
		'\t2024-03-01T09:30:00Z',
		'\uFEFF2024-03-01'
	])('reads %j as the general parser does', (text) => {
		expect(parseIsoTime(text)).toBe(parseIsoTimeGeneral(text));
		expect(parseIsoTime(text)).not.toBeNull();
	});

	it.each([
		'2021-02-30',
		'1900-02-29',
		'2024-13-01',
		'2024-00-10',
		'2024-01-00',
		'2024-01-32',
		'2024-01-01T24:00',
		'2024-01-01T23:60',
		'2024-01-01T23:59:60',
		'2024-01-01T10:00+24:00',
		'2024-01-01T10:00+01:60',
		'2024-01-01T10:00:00.Z',
		'2024-01-01T10:00:00.1234567890Z',
		'2024-01-01Z',
		'2024-01-01T10',
		'2024-01-01T10:00:00ZZ',
		'2024-1-01',
		'20240101',
		'２０２４-01-01',
		'',
		'yesterday'
	])('rejects %j, as the general parser does', (text) => {
		expect(parseIsoTime(text)).toBeNull();
		expect(parseIsoTimeGeneral(text)).toBeNull();
	});

	it('gives the general parser’s milliseconds for 20,000 random valid and invalid dates', () => {
		const next = random(42);
		const int = (n: number) => Math.floor(next() * n);
		let decidedFast = 0;
		for (let k = 0; k < 20_000; k++) {
			// Fields slightly out of range now and then, to exercise the checks and the fallback.
			const fields = [
				int(10_000),
				1 + int(13),
				1 + int(31),
				int(25),
				int(61),
				int(61),
				int(1e9),
				int(25),
				int(61)
			];
			const text = SHAPES[k % SHAPES.length](fields);
			const general = parseIsoTimeGeneral(text);
			expect(parseIsoTime(text), text).toBe(general);
			const fast = parseIsoTimeFast(text);
			if (!Number.isNaN(fast)) {
				decidedFast++;
				expect(fast, text).toBe(general);
			}
		}
		// Most valid cells are decided without the regular expression.
		expect(decidedFast).toBeGreaterThan(10_000);
	});
});
