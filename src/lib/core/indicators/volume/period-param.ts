import type { ParamSpec } from '../indicator';

/** Bars in a volume indicator's window (TTR's `n`). */
export function periodParam(defaultPeriod: number): ParamSpec {
	return {
		name: 'period',
		default: defaultPeriod,
		min: 1,
		max: 100_000,
		integer: true,
		description: 'Bars in the window'
	};
}
