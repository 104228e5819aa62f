/**
 * `GET /api/v1/analytics/experiments/{id}`: one read that feeds the analytics page — performance
 * (results, best score, run counts, final metrics), training history (downsampled series per run),
 * feature importance (when runs logged `feature_importance/<feature>`), and diagnostics.
 */
import type { ExperimentAnalytics } from '../../../src/lib/core/protocol';
import { diagnose } from '../analytics/diagnose';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { bestScoreOf } from '../db/experiments';
import { readMetricSeries } from '../db/metrics';
import { listRuns } from '../db/runs';
import { jsonResponse } from '../http/respond';
import { ownedExperimentOr404 } from './tracking-access';

/** History per run is capped so the page stays small whatever was logged. */
const HISTORY_POINTS = 200;
const HISTORY_RUNS = 20;
const IMPORTANCE_PREFIX = 'feature_importance/';

export async function experimentAnalytics(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'experiments:read');
	const experiment = await ownedExperimentOr404(c, user, id);
	const runs = await listRuns(c.env.DB, id);
	const history = [];
	for (const run of runs.slice(0, HISTORY_RUNS)) {
		history.push({
			run_id: run.id,
			series: await readMetricSeries(c.env.DB, run.id, HISTORY_POINTS)
		});
	}
	const by_status: Record<string, number> = {};
	for (const r of runs) by_status[r.status] = (by_status[r.status] ?? 0) + 1;
	const body: ExperimentAnalytics = {
		experiment,
		performance: {
			results: experiment.results ?? null,
			best_score: bestScoreOf(experiment),
			runs: { total: runs.length, by_status },
			final_metrics: runs.flatMap((r) =>
				r.final_metrics ? [{ run_id: r.id, metrics: r.final_metrics }] : []
			)
		},
		training_history: history.map((h) => ({
			run_id: h.run_id,
			series: h.series.filter((s) => !s.name.startsWith(IMPORTANCE_PREFIX))
		})),
		feature_importance: featureImportance(history.flatMap((h) => h.series)),
		diagnostics: diagnose({ runs, results: experiment.results ?? null, history })
	};
	return jsonResponse(200, body);
}

/** The latest logged value of each `feature_importance/<feature>` series (newest run first), by size. */
function featureImportance(series: { name: string; points: { value: number }[] }[]) {
	const seen = new Map<string, number>();
	for (const s of series) {
		if (!s.name.startsWith(IMPORTANCE_PREFIX)) continue;
		const feature = s.name.slice(IMPORTANCE_PREFIX.length);
		const last = s.points.at(-1);
		if (last && !seen.has(feature)) seen.set(feature, last.value);
	}
	if (seen.size === 0) return null;
	return [...seen]
		.map(([feature, importance]) => ({ feature, importance }))
		.sort((a, b) => Math.abs(b.importance) - Math.abs(a.importance));
}
