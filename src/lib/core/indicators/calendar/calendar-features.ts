import type { IndicatorDef } from '../indicator';
import { civilFromDays, isLastBusinessDate, utcDays, weekday } from './civil-date';

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

// sin/cos of 2π·k/7 and 2π·k/12, tabulated once: the same expressions, so the same bits.
const dowAngles = Array.from({ length: 7 }, (_, wd) => (2 * Math.PI * wd) / 7);
const monthAngles = Array.from({ length: 12 }, (_, m) => (2 * Math.PI * m) / 12);
const DOW_SIN = Float64Array.from(dowAngles, Math.sin);
const DOW_COS = Float64Array.from(dowAngles, Math.cos);
const MONTH_SIN = Float64Array.from(monthAngles, Math.sin);
const MONTH_COS = Float64Array.from(monthAngles, Math.cos);

/** Writes the calendar features of one UTC day (days since the epoch, finite) into `out`. */
function calendarRowInto(days: number, out: Float64Array): void {
	const wd = weekday(days);
	const [year, month, day] = civilFromDays(days);
	out[0] = wd;
	out[1] = month;
	out[2] = day;
	out[3] = isLastBusinessDate(wd, year, month, day) ? 1 : 0;
	out[4] = DOW_SIN[wd];
	out[5] = DOW_COS[wd];
	out[6] = MONTH_SIN[month - 1];
	out[7] = MONTH_COS[month - 1];
}

/** The calendar features of one bar time (ms since the epoch, UTC); NaN for a non-finite time. */
function calendarRow(time: number): Float64Array {
	const out = new Float64Array(OUTPUTS.length).fill(NaN);
	if (Number.isFinite(time)) calendarRowInto(utcDays(time), out);
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
		const time = series.time;
		const n = time.length;
		const outs = OUTPUTS.map(() => new Float64Array(n));
		// The eight columns by name: a loop over `outs` per bar cost about as much as the dates.
		const [dow, month, dom, monthEnd, dowSin, dowCos, monthSin, monthCos] = outs;
		const row = new Float64Array(OUTPUTS.length);
		let rowDay = NaN; // the day `row` holds: intraday bars share one computation per day
		for (let i = 0; i < n; i++) {
			const t = time[i];
			if (!Number.isFinite(t)) {
				dow[i] = month[i] = dom[i] = monthEnd[i] = NaN;
				dowSin[i] = dowCos[i] = monthSin[i] = monthCos[i] = NaN;
				continue;
			}
			const days = utcDays(t);
			if (days !== rowDay) {
				calendarRowInto(days, row);
				rowDay = days;
			}
			dow[i] = row[0];
			month[i] = row[1];
			dom[i] = row[2];
			monthEnd[i] = row[3];
			dowSin[i] = row[4];
			dowCos[i] = row[5];
			monthSin[i] = row[6];
			monthCos[i] = row[7];
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
