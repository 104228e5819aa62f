/**
 * Numbers typed or pasted by the user: separated by commas, spaces or newlines, JSON brackets
 * allowed. Returns a message instead of NaNs.
 *
 * @example
 * parseNumbers('[1, 2.5, -3e-2]'); // { ok: true, value: [1, 2.5, -0.03] }
 */
import { err, ok, type Result } from '$lib/core/result';

export function parseNumbers(text: string): Result<number[]> {
	const parts = text
		.replace(/[[\]]/g, ' ')
		.split(/[\s,]+/)
		.filter(Boolean);
	const values = parts.map(Number);
	const bad = values.findIndex((v) => !Number.isFinite(v));
	if (bad >= 0) return err('bad_input', `"${parts[bad]}" is not a number.`);
	return ok(values);
}
