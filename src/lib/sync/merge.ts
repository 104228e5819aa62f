/**
 * Three-way merge of two edits of one experiment record, field by field at the top level (name,
 * description, status, configs, results). A field changed on one side only takes that change; a field
 * changed on both sides to different values is a real conflict, settled by `prefer`.
 *
 * @example
 * mergeExperiment(base, { ...base, name: 'mine' }, { ...base, description: 'theirs' }, 'local');
 * // { merged: { ...base, name: 'mine', description: 'theirs' }, conflicts: [] }
 */
import type { ExperimentCreate } from '$lib/core/protocol';

export interface MergeOutcome {
	merged: ExperimentCreate;
	/** Fields both sides changed differently; resolved with `prefer`. */
	conflicts: (keyof ExperimentCreate)[];
}

const FIELDS: (keyof ExperimentCreate)[] = [
	'name',
	'description',
	'status',
	'model_config',
	'data_config',
	'training_config',
	'backtest_config',
	'results'
];

export function mergeExperiment(
	base: ExperimentCreate | null,
	local: ExperimentCreate,
	server: ExperimentCreate,
	prefer: 'local' | 'server' = 'local'
): MergeOutcome {
	const merged: Record<string, unknown> = {};
	const conflicts: (keyof ExperimentCreate)[] = [];
	for (const field of FIELDS) {
		const [b, l, s] = [base?.[field], local[field], server[field]];
		let value: unknown;
		if (same(l, s)) value = l;
		else if (base && same(b, l)) value = s;
		else if (base && same(b, s)) value = l;
		else {
			conflicts.push(field);
			value = prefer === 'local' ? l : s;
		}
		if (value !== undefined) merged[field] = value;
	}
	return { merged: merged as ExperimentCreate, conflicts };
}

/** The fields where two versions differ (for showing a conflict). */
export function changedFields(
	a: ExperimentCreate,
	b: ExperimentCreate
): (keyof ExperimentCreate)[] {
	return FIELDS.filter((f) => !same(a[f], b[f]));
}

/** Structural equality for JSON-like values (key order does not matter). */
function same(a: unknown, b: unknown): boolean {
	return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
	if (v === undefined) return 'undefined';
	if (v === null || typeof v !== 'object') return JSON.stringify(v);
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	const o = v as Record<string, unknown>;
	return `{${Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
		.join(',')}}`;
}
