import type { ParamSpec } from '../indicator';

/** An integer parameter (a look-back length, in bars). */
export const intParam = (
	name: string,
	defaultValue: number,
	description: string,
	min = 1,
	max = 10_000
): ParamSpec => ({ name, default: defaultValue, min, max, integer: true, description });
