/**
 * The `experiments` table. Config objects are stored as JSON text; rows are mapped back to the shared
 * `Experiment` shape plus its `version` (optimistic concurrency, migration 0003). Every query is
 * scoped by owner: there is no "get by id" without an owner, so a handler cannot accidentally serve
 * someone else's experiment.
 */
import type {
	ExperimentCreate,
	ExperimentSort,
	ExperimentStatus,
	VersionedExperiment
} from '../../../src/lib/core/protocol';
import { encodeSortCursor, type SortCursor } from './sort-cursor';

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
	version: number;
	best_score: number | null;
	created_at: string;
	updated_at: string;
}

export function newExperiment(
	ownerId: string,
	input: ExperimentCreate,
	at = new Date()
): VersionedExperiment {
	const now = at.toISOString();
	return {
		...input,
		id: crypto.randomUUID(),
		owner_id: ownerId,
		created_at: now,
		updated_at: now,
		version: 1
	};
}

/** The score "sort by best score" uses: the backtest Sharpe ratio, when there is one. */
export function bestScoreOf(e: Pick<ExperimentCreate, 'results'>): number | null {
	return e.results?.sharpe ?? null;
}

export function insertExperimentStatement(
	db: D1Database,
	e:
		| VersionedExperiment
		| (ExperimentCreate & { id: string; owner_id: string; created_at: string; updated_at: string })
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO experiments (id, owner_id, name, description, status, model_config, data_config,
			   training_config, backtest_config, results, best_score, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
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
			bestScoreOf(e),
			e.created_at,
			e.updated_at
		);
}

/**
 * Replaces an experiment's content if, and only if, it is still at `baseVersion`; bumps the version.
 * Check `meta.changes` of the result: 0 means someone else wrote first (or the row is not yours).
 */
export function updateExperimentStatement(
	db: D1Database,
	ownerId: string,
	id: string,
	baseVersion: number,
	input: ExperimentCreate,
	updatedAt: string
): D1PreparedStatement {
	return db
		.prepare(
			`UPDATE experiments SET name = ?, description = ?, status = ?, model_config = ?, data_config = ?,
			   training_config = ?, backtest_config = ?, results = ?, best_score = ?, updated_at = ?,
			   version = version + 1
			 WHERE id = ? AND owner_id = ? AND version = ?`
		)
		.bind(
			input.name,
			input.description ?? null,
			input.status,
			JSON.stringify(input.model_config),
			JSON.stringify(input.data_config),
			JSON.stringify(input.training_config),
			input.backtest_config === undefined ? null : JSON.stringify(input.backtest_config),
			input.results === undefined ? null : JSON.stringify(input.results),
			bestScoreOf(input),
			updatedAt,
			id,
			ownerId,
			baseVersion
		);
}

export async function getOwnedExperiment(
	db: D1Database,
	ownerId: string,
	id: string
): Promise<VersionedExperiment | null> {
	const row = await db
		.prepare('SELECT * FROM experiments WHERE id = ? AND owner_id = ?')
		.bind(id, ownerId)
		.first<ExperimentRow>();
	return row ? fromRow(row) : null;
}

export interface ListOptions {
	limit: number;
	after?: SortCursor;
	status?: ExperimentStatus;
	sort?: ExperimentSort;
	order?: 'asc' | 'desc';
	/** Case-insensitive "name contains". */
	q?: string;
}

/** Whitelisted sort columns: the sort key is never interpolated from user input. */
const SORT_COLUMN: Record<ExperimentSort, string> = {
	created_at: 'created_at',
	name: 'name',
	best_score: 'best_score'
};

/**
 * One page in the chosen order; `next_cursor` is null on the last page. Keyset on (sort key, id); for
 * best_score, experiments without a score come last in either order, so the key is (is null, score, id).
 */
export async function listOwnedExperiments(
	db: D1Database,
	ownerId: string,
	{ limit, after, status, sort = 'created_at', order = 'desc', q }: ListOptions
): Promise<{ items: VersionedExperiment[]; next_cursor: string | null }> {
	const col = SORT_COLUMN[sort];
	const dir = order === 'desc' ? 'DESC' : 'ASC';
	const cmp = order === 'desc' ? '<' : '>';
	const where = ['owner_id = ?'];
	const binds: unknown[] = [ownerId];
	if (status) {
		where.push('status = ?');
		binds.push(status);
	}
	if (q) {
		// LIKE wildcards in the user's text are escaped so "50%" means the characters 5, 0, %.
		where.push("name LIKE ? ESCAPE '\\'");
		binds.push(`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
	}
	if (after) {
		if (after.value === null) {
			where.push(`(${col} IS NULL AND id ${cmp} ?)`);
			binds.push(after.id);
		} else {
			const nullsAfter = sort === 'best_score' ? `${col} IS NULL OR ` : '';
			where.push(`(${nullsAfter}${col} ${cmp} ? OR (${col} = ? AND id ${cmp} ?))`);
			binds.push(after.value, after.value, after.id);
		}
	}
	const nullsLast = sort === 'best_score' ? `(${col} IS NULL) ASC, ` : '';
	// One extra row tells whether another page exists without a COUNT query.
	const { results } = await db
		.prepare(
			`SELECT * FROM experiments WHERE ${where.join(' AND ')}
			 ORDER BY ${nullsLast}${col} ${dir}, id ${dir} LIMIT ?`
		)
		.bind(...binds, limit + 1)
		.all<ExperimentRow>();
	const page = results.slice(0, limit);
	const last = page.at(-1);
	return {
		items: page.map(fromRow),
		next_cursor:
			results.length > limit && last
				? encodeSortCursor({
						sort,
						order,
						value: last[col as keyof ExperimentRow] as string | number | null,
						id: last.id
					})
				: null
	};
}

function fromRow(row: ExperimentRow): VersionedExperiment {
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
		updated_at: row.updated_at,
		version: row.version
	};
}
