/**
 * Plain-language diagnostics for an experiment's analytics page, computed from what was logged.
 * Pure: the route gathers the data, this decides what is worth telling the researcher.
 *
 * @example
 * diagnose({ runs: [], results: null, history: [] }); // [{ level: 'info', code: 'no_runs', ... }]
 */
import type { ExperimentAnalytics, MetricSeries, Run } from '../../../src/lib/core/protocol';

type Diagnostic = ExperimentAnalytics['diagnostics'][number];

export interface DiagnoseInput {
	runs: Pick<Run, 'id' | 'status'>[];
	results: { sharpe?: number | null; trades?: number } | null;
	history: { run_id: string; series: MetricSeries[] }[];
}

export function diagnose({ runs, results, history }: DiagnoseInput): Diagnostic[] {
	const out: Diagnostic[] = [];
	if (runs.length === 0) {
		out.push({
			level: 'info',
			code: 'no_runs',
			message: 'No runs logged yet: start one to track metrics.'
		});
	}
	const failed = runs.filter((r) => r.status === 'failed').length;
	if (failed > 0) {
		out.push({
			level: 'warning',
			code: 'failed_runs',
			message: `${failed} of ${runs.length} runs failed.`
		});
	}
	for (const { run_id, series } of history) {
		const loss = series.find((s) => s.name === 'loss');
		const val = series.find((s) => s.name === 'val_loss');
		if (loss && val && isOverfitting(loss, val)) {
			out.push({
				level: 'warning',
				code: 'overfitting',
				message: `Run ${run_id.slice(0, 8)}: training loss kept falling while validation loss rose; consider early stopping or regularisation.`
			});
		}
	}
	if (results && results.trades === 0) {
		out.push({
			level: 'warning',
			code: 'no_trades',
			message: 'The backtest made no trades: the threshold may be too high.'
		});
	}
	if (results && results.sharpe === null) {
		out.push({
			level: 'info',
			code: 'no_sharpe',
			message: 'Sharpe is undefined (flat equity); best-score sorting ranks this last.'
		});
	}
	return out;
}

/**
 * Over the last half of the logged steps (at least 3 points each): training loss went down and
 * validation loss went up, end versus start.
 */
export function isOverfitting(loss: MetricSeries, val: MetricSeries): boolean {
	const tail = (s: MetricSeries) => s.points.slice(Math.floor(s.points.length / 2));
	const l = tail(loss);
	const v = tail(val);
	if (l.length < 3 || v.length < 3) return false;
	return l.at(-1)!.value < l[0]!.value && v.at(-1)!.value > v[0]!.value;
}
