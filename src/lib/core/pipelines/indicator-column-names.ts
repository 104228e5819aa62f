import type { IndicatorDef, Params } from '../indicators/indicator';

/** `2` → `2`, `0.015` → `0p015`, `-1` → `m1`: a parameter value as part of an identifier. */
const token = (v: number): string => String(v).replace('.', 'p').replace('-', 'm');

/**
 * The output columns of one indicator step: `<prefix>` for one output, `<prefix>_<output>` for
 * several, where the prefix is the step's `name` or `<id>_<param values in declaration order>`.
 *
 * @example
 * indicatorColumnNames(bollinger, { period: 20, k: 2 }); // ['bollinger_20_2_middle', 'bollinger_20_2_upper', …]
 * indicatorColumnNames(rsi, { n: 14 }, 'rsi'); // ['rsi']
 */
export function indicatorColumnNames(
	def: Pick<IndicatorDef, 'id' | 'params' | 'outputs'>,
	params: Params,
	name?: string
): string[] {
	const prefix = name ?? [def.id, ...def.params.map((p) => token(params[p.name]))].join('_');
	return def.outputs.length === 1 ? [prefix] : def.outputs.map((o) => `${prefix}_${o}`);
}
