import { describe, expect, it } from 'vitest';
import { formatFeatureCsv, formatTimestamp } from './format-feature-csv';

describe('formatFeatureCsv', () => {
	it('formatFeatureCsv writes a timestamp column, one column per feature and empty cells for NaN', () => {
		const time = Float64Array.of(Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3));
		const csv = formatFeatureCsv(time, {
			names: ['log_return', 'ema_2'],
			columns: [Float32Array.of(NaN, 0.25), Float32Array.of(NaN, NaN)],
			length: 2,
			warmup: 1
		});
		expect(csv).toBe('timestamp,log_return,ema_2\n2024-01-02,,\n2024-01-03,0.25,\n');
	});

	it('formatFeatureCsv writes enough digits to read back the exact f32', () => {
		const values = Float32Array.of(Math.PI, 1e-7, -123456.789, 0.1);
		const csv = formatFeatureCsv(new Float64Array(4), {
			names: ['x'],
			columns: [values],
			length: 4,
			warmup: 0
		});
		const read = csv
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => Number(line.split(',')[1]));
		expect(Float32Array.from(read)).toEqual(values);
	});

	it('formatTimestamp writes a date for UTC midnight and a full instant otherwise', () => {
		expect(formatTimestamp(Date.UTC(1985, 0, 2))).toBe('1985-01-02');
		expect(formatTimestamp(Date.UTC(2024, 4, 6, 9, 30))).toBe('2024-05-06T09:30:00.000Z');
	});
});
