import type { ParamSpec } from '../indicator';

/**
 * Window size as a power of two, k → 2ᵏ bars. Taking the exponent (not the size) lets the ordinary
 * range check in `validateParams` guarantee a radix-2 size, with no special-case validation.
 */
export function windowLog2Param(defaultLog2: number, minLog2: number): ParamSpec {
	return {
		name: 'windowLog2',
		default: defaultLog2,
		min: minLog2,
		max: 12,
		integer: true,
		description: `Window of 2^k log returns (default ${defaultLog2} → ${2 ** defaultLog2} bars)`
	};
}
