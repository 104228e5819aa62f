import { describe, expect, it } from 'vitest';
import { diagnose, isOverfitting } from './diagnose';

const series = (name: string, values: number[]) => ({
	name,
	total_points: values.length,
	points: values.map((value, step) => ({ step, value }))
});

describe('diagnose', () => {
	it('says there are no runs yet when nothing was logged', () => {
		expect(diagnose({ runs: [], results: null, history: [] }).map((d) => d.code)).toEqual([
			'no_runs'
		]);
	});

	it('warns about failed runs and a backtest without trades', () => {
		const codes = diagnose({
			runs: [
				{ id: 'a', status: 'failed' },
				{ id: 'b', status: 'completed' }
			],
			results: { sharpe: 0.4, trades: 0 },
			history: []
		}).map((d) => d.code);
		expect(codes).toEqual(['failed_runs', 'no_trades']);
	});

	it('isOverfitting(loss, val) is true when training loss falls while validation loss rises', () => {
		const loss = series('loss', [1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
		expect(isOverfitting(loss, series('val_loss', [1, 0.8, 0.7, 0.6, 0.62, 0.7, 0.8, 0.9]))).toBe(
			true
		);
		expect(isOverfitting(loss, series('val_loss', [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4]))).toBe(
			false
		);
	});
});
