import { err, ok, type Result } from '../src/lib/core/result';

/** What a numeric option must be, and the phrase an error uses to say so. */
export interface NumberRule {
	integer?: boolean;
	min?: number;
	/** Exclusive upper bound. */
	below?: number;
	/** The requirement in words, e.g. "an integer ≥ 0". */
	says: string;
}

/**
 * Reads `--name <raw>` as a number that obeys `rule`, or `fallback` when the option is absent.
 *
 * @example
 * parseNumberOption('lag', '2', 1, { integer: true, min: 0, says: 'an integer ≥ 0' }); // ok(2)
 * parseNumberOption('lag', 'x', 1, { integer: true, min: 0, says: 'an integer ≥ 0' });
 * // err: '--lag must be an integer ≥ 0, got "x".'
 */
export function parseNumberOption<F extends number | undefined>(
	name: string,
	raw: string | undefined,
	fallback: F,
	rule: NumberRule
): Result<number | F> {
	if (raw === undefined) return ok(fallback);
	const value = raw.trim() === '' ? NaN : Number(raw);
	const fits =
		Number.isFinite(value) &&
		(!rule.integer || Number.isInteger(value)) &&
		(rule.min === undefined || value >= rule.min) &&
		(rule.below === undefined || value < rule.below);
	return fits ? ok(value) : err('bad_input', `--${name} must be ${rule.says}, got "${raw}".`);
}
