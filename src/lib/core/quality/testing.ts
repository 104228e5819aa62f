import { readBarsLenient } from '../data/read-bars-lenient';
import type { RawBars } from '../data/raw-bars';

const DAY = 86_400_000;

/** `count` business days from Monday 2024-01-01 as ISO dates. */
export function businessDays(count: number, from = Date.UTC(2024, 0, 1)): string[] {
	const days: string[] = [];
	for (let t = from; days.length < count; t += DAY) {
		const w = new Date(t).getUTCDay();
		if (w !== 0 && w !== 6) days.push(new Date(t).toISOString().slice(0, 10));
	}
	return days;
}

/**
 * A clean OHLCV CSV: one bar per date, close wandering ±1% around 100 (deterministic), open = previous
 * close, high/low 0.5% outside them, volume 1000 + i.
 */
export function cleanCsv(dates: readonly string[]): string {
	const lines = ['date,open,high,low,close,volume'];
	let previous = 100;
	dates.forEach((d, i) => {
		const close = Math.round(100 * (100 + Math.sin(i * 1.7) + 0.5 * Math.cos(i * 0.9))) / 100;
		const high = Math.round(100 * Math.max(previous, close) * 1.005) / 100;
		const low = Math.round(100 * Math.min(previous, close) * 0.995) / 100;
		lines.push(`${d},${previous},${high},${low},${close},${1000 + i}`);
		previous = close;
	});
	return lines.join('\n') + '\n';
}

/** Reads CSV text leniently, failing the test on a hard error. */
export function rawFrom(text: string, symbol = 'TEST'): RawBars {
	const r = readBarsLenient(text, { symbol });
	if (!r.ok) throw new Error(`expected bars, got ${r.code}: ${r.message}`);
	return r.value;
}

/** Replaces data line `row` (file row; header = row 1) of a CSV text. */
export function withRow(text: string, row: number, line: string): string {
	const lines = text.split('\n');
	lines[row - 1] = line;
	return lines.join('\n');
}
