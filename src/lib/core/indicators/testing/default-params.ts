import { validateParams, type IndicatorDef, type Params } from '../indicator';

/** An indicator's default parameters, validated (throws if the defaults are themselves invalid). */
export function defaultParams(def: Pick<IndicatorDef, 'id' | 'params'>): Params {
	const r = validateParams(def);
	if (!r.ok) throw new Error(r.message);
	return r.value;
}
