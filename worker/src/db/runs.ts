/**
 * The `experiment_runs` table. Runs are reached only through their experiment, whose ownership the
 * caller has already checked (routes/tracking-access.ts).
 */
import type { Run, RunCreate, RunPatch, RunStatus } from '../../../src/lib/core/protocol';

export interface RunRow {
	id: string;
	experiment_id: string;
	name: string | null;
	parameters: string;
	status: RunStatus;
	results: string | null;
	final_metrics: string | null;
	started_at: string;
	finished_at: string | null;
	created_at: string;
}

export function newRun(experimentId: string, input: RunCreate, at = new Date()): Run {
	const now = at.toISOString();
	return {
		id: crypto.randomUUID(),
		experiment_id: experimentId,
		name: input.name ?? null,
		parameters: input.parameters,
		status: 'running',
		final_metrics: null,
		started_at: now,
		finished_at: null,
		created_at: now
	};
}

export function insertRunStatement(db: D1Database, r: Run): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO experiment_runs (id, experiment_id, name, parameters, status, started_at, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			r.id,
			r.experiment_id,
			r.name,
			JSON.stringify(r.parameters),
			r.status,
			r.started_at,
			r.created_at
		);
}

export async function getRun(
	db: D1Database,
	experimentId: string,
	runId: string
): Promise<RunRow | null> {
	return db
		.prepare('SELECT * FROM experiment_runs WHERE id = ? AND experiment_id = ?')
		.bind(runId, experimentId)
		.first<RunRow>();
}

export async function listRuns(db: D1Database, experimentId: string): Promise<Run[]> {
	const { results } = await db
		.prepare(
			'SELECT * FROM experiment_runs WHERE experiment_id = ? ORDER BY created_at DESC, id DESC LIMIT 500'
		)
		.bind(experimentId)
		.all<RunRow>();
	return results.map(runFromRow);
}

/** A finished status stamps `finished_at`; final metrics merge over what was reported before. */
export function patchRunStatement(
	db: D1Database,
	run: RunRow,
	patch: RunPatch,
	at = new Date()
): { statement: D1PreparedStatement; updated: Run } {
	const current = runFromRow(run);
	const status = patch.status ?? current.status;
	const finished = status === 'running' ? null : (current.finished_at ?? at.toISOString());
	const finalMetrics = patch.final_metrics
		? { ...(current.final_metrics ?? {}), ...patch.final_metrics }
		: current.final_metrics;
	const updated: Run = { ...current, status, finished_at: finished, final_metrics: finalMetrics };
	const statement = db
		.prepare(
			'UPDATE experiment_runs SET status = ?, finished_at = ?, final_metrics = ? WHERE id = ?'
		)
		.bind(status, finished, finalMetrics === null ? null : JSON.stringify(finalMetrics), run.id);
	return { statement, updated };
}

export function runFromRow(row: RunRow): Run {
	return {
		id: row.id,
		experiment_id: row.experiment_id,
		name: row.name,
		parameters: JSON.parse(row.parameters),
		status: row.status,
		final_metrics: row.final_metrics === null ? null : JSON.parse(row.final_metrics),
		started_at: row.started_at,
		finished_at: row.finished_at,
		created_at: row.created_at
	};
}
