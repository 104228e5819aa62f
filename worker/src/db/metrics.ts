/**
 * Run metrics in `performance_metrics`. A whole batch (up to 5,000 points) is one statement: the points
 * travel as a single JSON parameter and SQLite's json_each unpacks them, because D1 allows only 100
 * bound parameters per statement. (run, name, step) is unique (migration 0003), so a retried batch
 * overwrites instead of duplicating.
 */
import type { MetricPoint, MetricSeries } from '../../../src/lib/core/protocol';

export function insertMetricsStatement(
	db: D1Database,
	experimentId: string,
	runId: string,
	points: MetricPoint[],
	receivedAt: string
): D1PreparedStatement {
	const packed = JSON.stringify(points.map((p) => [p.name, p.step, p.value, p.time ?? receivedAt]));
	// "WHERE true" is required: without it SQLite would read ON CONFLICT as part of the SELECT's join.
	return db
		.prepare(
			`INSERT INTO performance_metrics (experiment_id, run_id, name, step, value, recorded_at)
			 SELECT ?, ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
			        json_extract(value, '$[2]'), json_extract(value, '$[3]')
			 FROM json_each(?) WHERE true
			 ON CONFLICT (run_id, name, step) WHERE run_id IS NOT NULL
			 DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at`
		)
		.bind(experimentId, runId, packed);
}

interface SampledRow {
	name: string;
	step: number;
	value: number;
	total: number;
}

/**
 * Every series of a run (or one, by name), each downsampled in SQL to at most `maxPoints` by keeping
 * every k-th point plus the last, with k = ceil((n - 1) / (maxPoints - 1)). Evenly spaced in steps
 * logged, which keeps the shape of a loss curve; spikes between kept points can be lost.
 */
export async function readMetricSeries(
	db: D1Database,
	runId: string,
	maxPoints: number,
	name?: string
): Promise<MetricSeries[]> {
	const { results } = await db
		.prepare(
			`WITH numbered AS (
			   SELECT name, step, value,
			          row_number() OVER (PARTITION BY name ORDER BY step) - 1 AS i,
			          count(*) OVER (PARTITION BY name) AS total
			   FROM performance_metrics WHERE run_id = ? AND (? IS NULL OR name = ?)
			 )
			 SELECT name, step, value, total FROM numbered
			 WHERE i % max(1, (total + ? - 3) / (? - 1)) = 0 OR i = total - 1
			 ORDER BY name, step`
		)
		.bind(runId, name ?? null, name ?? null, maxPoints, maxPoints)
		.all<SampledRow>();
	const byName = new Map<string, MetricSeries>();
	for (const row of results) {
		let series = byName.get(row.name);
		if (!series) {
			series = { name: row.name, total_points: row.total, points: [] };
			byName.set(row.name, series);
		}
		series.points.push({ step: row.step, value: row.value });
	}
	return [...byName.values()];
}

export async function countRunMetrics(db: D1Database, runId: string): Promise<number> {
	const row = await db
		.prepare('SELECT COUNT(*) AS n FROM performance_metrics WHERE run_id = ?')
		.bind(runId)
		.first<{ n: number }>();
	return row?.n ?? 0;
}
