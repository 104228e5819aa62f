import type { OhlcvSeries } from '../ohlcv';
import { validateParams, type IndicatorDef, type Params } from '../indicators/indicator';
import { findIndicator } from '../indicators/registry';

/**
 * Computes each distinct (indicator, parameters) pair of one series once and hands the same
 * Float64Array to every sweep column that needs it — the "indicators computed once per distinct
 * parameter and reused" half of DESIGN.md §3. Parameters are validated and defaults filled before
 * the key is made, so `{}` and `{ n: 10 }` share an entry for an indicator whose default n is 10.
 *
 * @example
 * const cache = new IndicatorCache(series);
 * const a = cache.get('sma', { n: 20 });
 * cache.get('sma', { n: 20 }) === a; // true: computed once
 * cache.computations; // 1
 */
export class IndicatorCache {
	readonly #series: OhlcvSeries;
	readonly #find: (id: string) => IndicatorDef | undefined;
	readonly #store = new Map<string, Float64Array[]>();
	#computations = 0;

	/** @param find where definitions come from (the registry by default). */
	constructor(series: OhlcvSeries, find: (id: string) => IndicatorDef | undefined = findIndicator) {
		this.#series = series;
		this.#find = find;
	}

	/** How many indicator computations have run (each distinct id + parameters counts once). */
	get computations(): number {
		return this.#computations;
	}

	/**
	 * Output `output` (index or name) of indicator `id` at `params`, computing it on first use.
	 * @throws RangeError for an unknown indicator, invalid parameters or an unknown output.
	 */
	get(id: string, params: Params = {}, output: number | string = 0): Float64Array {
		const def = this.#find(id);
		if (!def) throw new RangeError(`IndicatorCache: unknown indicator "${id}"`);
		const checked = validateParams(def, params);
		if (!checked.ok) throw new RangeError(`IndicatorCache: ${checked.message}`);
		const at = typeof output === 'number' ? output : def.outputs.indexOf(output);
		if (!(at >= 0 && at < def.outputs.length)) {
			throw new RangeError(`IndicatorCache: ${id} has no output ${output}`);
		}
		const key = `${id}(${def.params.map((p) => checked.value[p.name]).join(',')})`;
		let outputs = this.#store.get(key);
		if (!outputs) {
			outputs = def.compute(this.#series, checked.value);
			this.#computations++;
			this.#store.set(key, outputs);
		}
		return outputs[at];
	}
}
