/**
 * The `experiments` table. Config objects are stored as JSON text; rows are mapped back to the shared
 * `Experiment` shape. Every query is scoped by owner: there is no "get by id" without an owner, so a
 * handler cannot accidentally serve someone else's experiment.
 */
import type {
	Experiment,
	ExperimentCreate,
	ExperimentStatus
} from '../../../src/lib/core/protocol';
import { encodeCursor, type CursorKey } from './cursor';

interface ExperimentRow {
	id: string;
	owner_id: string;
	name: string;
	description: string | null;
	status: ExperimentStatus;
	model_config: string;
	data_config: string;
	training_config: string;
	backtest_config: string | null;
	results: string | null;
	created_at: string;
	updated_at: string;
}

export function newExperiment(
	ownerId: string,
	input: ExperimentCreate,
	at = new Date()
): Experiment {
	const now = at.toISOString();
	return { ...input, id: crypto.randomUUID(), owner_id: ownerId, created_at: now, updated_at: now };
}

export function insertExperimentStatement(db: D1Database, e: Experiment): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO experiments (id, owner_id, name, description, status, model_config, data_config,
			   training_config, backtest_config, results, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			e.id,
			e.owner_id,
			e.name,
			e.description ?? null,
			e.status,
			JSON.stringify(e.model_config),
			JSON.stringify(e.data_config),
			JSON.stringify(e.training_config),
			e.backtest_config === undefined ? null : JSON.stringify(e.backtest_config),
			e.results === undefined ? null : JSON.stringify(e.results),
			e.created_at,
			e.updated_at
		);
}

export async function getOwnedExperiment(
	db: D1Database,
	ownerId: string,
	id: string
): Promise<Experiment | null> {
	const row = await db
		.prepare('SELECT * FROM experiments WHERE id = ? AND owner_id = ?')
		.bind(id, ownerId)
		.first<ExperimentRow>();
	return row ? fromRow(row) : null;
}

export interface ListOptions {
	limit: number;
	after?: CursorKey;
	status?: ExperimentStatus;
}

/** Newest first; `next_cursor` is null on the last page. */
export async function listOwnedExperiments(
	db: D1Database,
	ownerId: string,
	{ limit, after, status }: ListOptions
): Promise<{ items: Experiment[]; next_cursor: string | null }> {
	const where = ['owner_id = ?'];
	const binds: unknown[] = [ownerId];
	if (status) {
		where.push('status = ?');
		binds.push(status);
	}
	if (after) {
		where.push('(created_at < ? OR (created_at = ? AND id < ?))');
		binds.push(after.created_at, after.created_at, after.id);
	}
	// One extra row tells whether another page exists without a COUNT query.
	const { results } = await db
		.prepare(
			`SELECT * FROM experiments WHERE ${where.join(' AND ')}
			 ORDER BY created_at DESC, id DESC LIMIT ?`
		)
		.bind(...binds, limit + 1)
		.all<ExperimentRow>();
	const page = results.slice(0, limit);
	const last = page.at(-1);
	return {
		items: page.map(fromRow),
		next_cursor: results.length > limit && last ? encodeCursor(last) : null
	};
}

function fromRow(row: ExperimentRow): Experiment {
	return {
		id: row.id,
		owner_id: row.owner_id,
		name: row.name,
		...(row.description === null ? {} : { description: row.description }),
		status: row.status,
		model_config: JSON.parse(row.model_config),
		data_config: JSON.parse(row.data_config),
		training_config: JSON.parse(row.training_config),
		...(row.backtest_config === null ? {} : { backtest_config: JSON.parse(row.backtest_config) }),
		...(row.results === null ? {} : { results: JSON.parse(row.results) }),
		created_at: row.created_at,
		updated_at: row.updated_at
	};
}
