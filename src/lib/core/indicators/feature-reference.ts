/**
 * The feature reference as Markdown, generated from the registry so the docs cannot drift from the
 * code (`npm run docs:features` writes docs/features.md; a test fails when it is stale).
 */
import type { IndicatorCategory, IndicatorDef } from './indicator';

const ORDER: IndicatorCategory[] = [
	'returns',
	'statistics',
	'trend',
	'momentum',
	'volatility',
	'volume',
	'relation',
	'spectral',
	'regime',
	'calendar'
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** What the reference needs of an indicator: single-series and relation definitions both have it. */
type Documented = Pick<
	IndicatorDef,
	'id' | 'name' | 'category' | 'params' | 'outputs' | 'warmup' | 'definition' | 'reference'
>;

function defaults(def: Documented): Record<string, number> {
	return Object.fromEntries(def.params.map((p) => [p.name, p.default]));
}

/** One op of the reference as the /docs page and docs/features.md show it. */
export interface FeatureReferenceRow {
	id: string;
	name: string;
	category: IndicatorCategory;
	outputs: string[];
	/** `name = default (min–max)` per parameter, '—' when there are none. */
	params: string;
	/** Leading NaN rows at the default parameters. */
	warmup: number;
	definition: string;
	reference: string;
}

/** The reference rows in category order (registry order within a category). */
export function featureReferenceRows(defs: readonly Documented[]): FeatureReferenceRow[] {
	return ORDER.flatMap((category) =>
		defs
			.filter((d) => d.category === category)
			.map((d) => ({
				id: d.id,
				name: d.name,
				category,
				outputs: [...d.outputs],
				params:
					d.params.map((p) => `${p.name} = ${p.default} (${p.min}–${p.max})`).join('; ') || '—',
				warmup: d.warmup(defaults(d)),
				definition: d.definition,
				reference: d.reference
			}))
	);
}

export function featureReferenceMarkdown(defs: readonly Documented[]): string {
	const lines = [
		'# Feature reference',
		'',
		'<!-- Generated from src/lib/core/indicators/registry.ts by `npm run docs:features`. Do not edit by hand. -->',
		'',
		`AXON ships ${defs.length} indicators. Each has a batch path (f64, whole series) and a streaming path`,
		'(`update(bar)`, the same numbers bar by bar), is NaN during its warm-up, and is tested against the',
		'reference named below on the bundled TTRC daily dataset (relations: on EuStockMarkets).',
		''
	];
	const rows = featureReferenceRows(defs);
	for (const category of ORDER) {
		const group = rows.filter((r) => r.category === category);
		if (group.length === 0) continue;
		lines.push(`## ${category[0].toUpperCase()}${category.slice(1)}`, '');
		lines.push(
			'| id | name | outputs | parameters (default, range) | warm-up at defaults | definition | reference |'
		);
		lines.push('|---|---|---|---|---:|---|---|');
		for (const r of group)
			lines.push(
				`| \`${r.id}\` | ${cell(r.name)} | ${r.outputs.join(', ')} | ${cell(r.params)} | ${r.warmup} | ${cell(r.definition)} | ${cell(r.reference)} |`
			);
		lines.push('');
	}
	return lines.join('\n');
}
