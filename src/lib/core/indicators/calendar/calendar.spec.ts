import { describe, expect, it } from 'vitest';
import type { Bar } from '../indicator';
import { calendarFeatures } from './calendar-features';
import { civilFromDays, isLastBusinessDay, weekday } from './civil-date';

const DAY = 86_400_000;
const bar = (iso: string, hour = 0): Bar => ({
	time: Date.parse(`${iso}T00:00:00Z`) + hour * 3_600_000,
	open: 1,
	high: 1,
	low: 1,
	close: 1,
	volume: 1
});
const row = (iso: string, hour = 0) => {
	const v = calendarFeatures.stream({}).update(bar(iso, hour));
	return Object.fromEntries(calendarFeatures.outputs.map((name, k) => [name, v[k]]));
};

describe('calendar date arithmetic', () => {
	it('civilFromDays and weekday agree with Date’s UTC fields every day of 1900–2100', () => {
		let mismatches = 0;
		for (let d = Date.UTC(1900, 0, 1) / DAY; d < Date.UTC(2101, 0, 1) / DAY; d++) {
			const date = new Date(d * DAY);
			const [y, m, dom] = civilFromDays(d);
			const jsDow = (date.getUTCDay() + 6) % 7; // Date: 0 = Sunday; ours: 0 = Monday
			if (
				y !== date.getUTCFullYear() ||
				m !== date.getUTCMonth() + 1 ||
				dom !== date.getUTCDate() ||
				weekday(d) !== jsDow
			) {
				mismatches++;
			}
		}
		expect(mismatches).toBe(0);
	});

	it('flags exactly one last business day per month, the last Mon–Fri date', () => {
		for (let d = Date.UTC(1999, 0, 1) / DAY; d < Date.UTC(2031, 0, 1) / DAY; d++) {
			// Brute force: no later weekday in the same month.
			const month = new Date(d * DAY).getUTCMonth();
			let later = false;
			for (let e = d + 1; new Date(e * DAY).getUTCMonth() === month; e++) {
				if (weekday(e) < 5) later = true;
			}
			expect(isLastBusinessDay(d), new Date(d * DAY).toISOString()).toBe(weekday(d) < 5 && !later);
		}
	});
});

describe('calendar indicator', () => {
	it('reads a leap day', () => {
		expect(row('2024-02-29')).toMatchObject({
			day_of_week: 3,
			month: 2,
			day_of_month: 29,
			is_month_end: 1
		});
	});

	it('marks the Friday before a month-ending weekend as month end, and not the weekend', () => {
		expect(row('2024-06-28').is_month_end).toBe(1);
		expect(row('2024-06-30').is_month_end).toBe(0);
		expect(row('2024-06-30').day_of_week).toBe(6);
		expect(row('2024-06-27').is_month_end).toBe(0);
	});

	it('uses the UTC date, whatever the hour', () => {
		expect(row('1985-01-02', 23)).toMatchObject({ day_of_week: 2, month: 1, day_of_month: 2 });
	});

	it('encodes weekday and month on the unit circle, December next to January', () => {
		const jan = row('2024-01-15');
		const dec = row('2023-12-15');
		expect(jan.month_sin).toBe(0);
		expect(jan.month_cos).toBe(1);
		expect(Math.hypot(dec.month_sin - jan.month_sin, dec.month_cos - jan.month_cos)).toBeCloseTo(
			2 * Math.sin(Math.PI / 12),
			12
		);
		expect(row('2024-01-15').dow_cos).toBe(1); // a Monday
	});

	it('is NaN for a missing time', () => {
		const v = calendarFeatures.stream({}).update({ ...bar('2024-01-01'), time: NaN });
		expect(Array.from(v).every(Number.isNaN)).toBe(true);
	});
});
