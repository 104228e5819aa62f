import type { Ast } from './ast';
import { FUNCTIONS } from './functions';

/**
 * Rows at the start of any series where the expression is NaN by construction: a field or number
 * needs none, an elementwise operator the largest of its operands', `Ref`/`Delta` add their lag,
 * and an n-bar rolling operator adds n − 1. Missing or degenerate data (a constant window under
 * `Corr`, a zero divisor) can add NaN rows later; it never removes these.
 *
 * @example
 * warmupOf(compile('Mean(Ref($close, 1), 5)').value); // 5
 */
export function warmupOf(ast: Ast): number {
	switch (ast.kind) {
		case 'number':
		case 'field':
			return 0;
		case 'negate':
			return warmupOf(ast.operand);
		case 'binary':
			return Math.max(warmupOf(ast.left), warmupOf(ast.right));
		case 'call':
			return Math.max(0, ...ast.args.map(warmupOf)) + FUNCTIONS[ast.name].warmup(ast.params);
	}
}
