import type { ParamSpec } from '../indicator';

/** Wilder's ATR period (TTR and TA-Lib default 14). */
export function atrPeriodParam(name: string, defaultPeriod: number): ParamSpec {
	return {
		name,
		default: defaultPeriod,
		min: 1,
		max: 100_000,
		integer: true,
		description: 'Bars in the ATR (Wilder smoothing, α = 1/n)'
	};
}
