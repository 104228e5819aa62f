/** The /docs page's data: the registry's reference rows and the expression functions, filtered. */
import { FUNCTIONS } from '$lib/core/expr';
import {
	featureReferenceRows,
	type FeatureReferenceRow
} from '$lib/core/indicators/feature-reference';
import { INDICATORS, RELATIONS } from '$lib/core/indicators/registry';

export const REFERENCE_ROWS: readonly FeatureReferenceRow[] = featureReferenceRows([
	...INDICATORS,
	...RELATIONS
]);

/** Expression-language functions by signature, e.g. `Mean(x, n)`, with their added warm-up. */
export const EXPRESSION_FUNCTIONS = Object.entries(FUNCTIONS)
	.map(([name, f]) => ({ name, signature: f.signature }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** Rows whose id, name, category, outputs or definition contain every word of `query` (any case). */
export function filterRows(
	rows: readonly FeatureReferenceRow[],
	query: string
): FeatureReferenceRow[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...rows];
	return rows.filter((r) => {
		const text = [r.id, r.name, r.category, r.outputs.join(' '), r.definition]
			.join(' ')
			.toLowerCase();
		return words.every((w) => text.includes(w));
	});
}
