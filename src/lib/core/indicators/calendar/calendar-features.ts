import type { IndicatorDef } from '../indicator';
import { civilFromDays, isLastBusinessDay, utcDays, weekday } from './civil-date';

const OUTPUTS = [
	'day_of_week',
	'month',
	'day_of_month',
	'is_month_end',
	'dow_sin',
	'dow_cos',
	'month_sin',
	'month_cos'
] as const;

/** The calendar features of one bar time (ms since the epoch, UTC); NaN for a non-finite time. */
function calendarRow(time: number): Float64Array {
	const out = new Float64Array(OUTPUTS.length).fill(NaN);
	if (!Number.isFinite(time)) return out;
	const days = utcDays(time);
	const wd = weekday(days);
	const [, month, day] = civilFromDays(days);
	const dowAngle = (2 * Math.PI * wd) / 7;
	const monthAngle = (2 * Math.PI * (month - 1)) / 12;
	out.set([
		wd,
		month,
		day,
		isLastBusinessDay(days) ? 1 : 0,
		Math.sin(dowAngle),
		Math.cos(dowAngle),
		Math.sin(monthAngle),
		Math.cos(monthAngle)
	]);
	return out;
}

/**
 * Calendar features of each bar's UTC date: weekday, month, day of month, a last-business-day
 * flag and cyclic (sin/cos) encodings that put December next to January and Sunday next to Monday.
 * Reads only the bar's own time, so there is no warm-up and no look-ahead.
 *
 * @example
 * calendarFeatures.stream({}).update(bar); // [dow, month, dom, is_month_end, dow_sin, …]
 */
export const calendarFeatures: IndicatorDef = {
	id: 'calendar',
	name: 'Calendar features (UTC)',
	category: 'calendar',
	inputs: ['time'],
	params: [],
	outputs: OUTPUTS,
	warmup: () => 0,
	compute(series) {
		const n = series.time.length;
		const outs = OUTPUTS.map(() => new Float64Array(n));
		for (let i = 0; i < n; i++) {
			const row = calendarRow(series.time[i]);
			for (let k = 0; k < outs.length; k++) outs[k][i] = row[k];
		}
		return outs;
	},
	stream: () => ({ update: (bar) => calendarRow(bar.time) }),
	definition:
		'From the bar’s UTC calendar date (proleptic Gregorian): day_of_week 0 = Mon … 4 = Fri (5, 6 ' +
		'for weekend bars); month 1–12; day_of_month 1–31; is_month_end = 1 when the date is the last ' +
		'Mon–Fri day of its calendar month, else 0 — from the date alone (no holiday calendar), since ' +
		'“last bar of the month” would need the next bar; dow_sin/cos = sin/cos(2π·dow/7); ' +
		'month_sin/cos = sin/cos(2π(month − 1)/12). Warm-up 0; NaN where the time is missing.',
	reference:
		'Hinnant (2013), chrono-Compatible Low-Level Date Algorithms (civil_from_days); cyclic ' +
		'encoding as in Hyndman & Athanasopoulos (2021), Forecasting: Principles and Practice, 3rd ' +
		'ed., §7.4 (Fourier terms); tested against JavaScript Date UTC fields over 1900–2100.'
};
