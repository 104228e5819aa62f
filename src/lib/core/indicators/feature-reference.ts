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
	for (const category of ORDER) {
		const group = defs.filter((d) => d.category === category);
		if (group.length === 0) continue;
		lines.push(`## ${category[0].toUpperCase()}${category.slice(1)}`, '');
		lines.push(
			'| id | name | outputs | parameters (default, range) | warm-up at defaults | definition | reference |'
		);
		lines.push('|---|---|---|---|---:|---|---|');
		for (const d of group) {
			const params =
				d.params.map((p) => `${p.name} = ${p.default} (${p.min}–${p.max})`).join('; ') || '—';
			lines.push(
				`| \`${d.id}\` | ${cell(d.name)} | ${d.outputs.join(', ')} | ${cell(params)} | ${d.warmup(defaults(d))} | ${cell(d.definition)} | ${cell(d.reference)} |`
			);
		}
		lines.push('');
	}
	return lines.join('\n');
}
