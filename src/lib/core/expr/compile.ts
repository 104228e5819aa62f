import { MAX_FEATURE_WINDOW } from '../features/validate-feature-spec';
import { err, ok, type Err, type Result } from '../result';
import { FIELDS, type Ast, type BinaryOp, type Field } from './ast';
import { FUNCTION_NAMES, FUNCTIONS, type ParamSpec } from './functions';
import { suggest } from './suggest';
import { tokenize, type Token } from './tokenize';

/** Thrown inside the parser only, and turned into an `Err` by `compile`. */
class ParseFailure {
	constructor(readonly error: Err) {}
}

function fail(message: string, details: Record<string, unknown>): never {
	throw new ParseFailure(err('bad_input', message, details));
}

const describe = (t: Token): string => (t.kind === 'end' ? 'end of expression' : `'${t.text}'`);

/**
 * Parses and checks an expression by recursive descent. Grammar, loosest binding first:
 *
 *     comparison := additive (('>' | '<' | '>=' | '<=' | '==' | '!=') additive)*
 *     additive   := term (('+' | '-') term)*
 *     term       := unary (('*' | '/') unary)*
 *     unary      := '-' unary | primary
 *     primary    := number | $field | Name '(' args ')' | '(' comparison ')'
 *
 * All binary operators associate to the left. Function names are case-sensitive (as in Qlib);
 * window, lag and quantile arguments must be literals. Errors are data: `details` holds the 1-based
 * `column` and the `found` token.
 *
 * @example
 * compile('Mean($close, 5) / $close'); // ok({ kind: 'binary', op: '/', … })
 * compile('Mean($close, 5'); // err: "expected ')' at column 15, found end of expression"
 */
export function compile(source: string): Result<Ast> {
	const tokens = tokenize(source);
	if (!tokens.ok) return tokens;
	try {
		const parser = new Parser(tokens.value);
		const ast = parser.comparison();
		parser.expectEnd();
		return ok(ast);
	} catch (e) {
		if (e instanceof ParseFailure) return e.error;
		throw e;
	}
}

const COMPARISONS = new Set(['>', '<', '>=', '<=', '==', '!=']);

class Parser {
	private pos = 0;
	constructor(private readonly tokens: Token[]) {}

	private get peek(): Token {
		return this.tokens[this.pos];
	}

	private next(): Token {
		return this.tokens[this.pos++];
	}

	private expect(kind: Token['kind'], what: string): Token {
		const t = this.peek;
		if (t.kind !== kind) {
			fail(`expected ${what} at column ${t.column}, found ${describe(t)}`, {
				column: t.column,
				found: t.text
			});
		}
		return this.next();
	}

	expectEnd(): void {
		const t = this.peek;
		if (t.kind !== 'end') {
			fail(`unexpected ${describe(t)} at column ${t.column}: expected an operator or the end`, {
				column: t.column,
				found: t.text
			});
		}
	}

	private binaryLevel(ops: (text: string) => boolean, operand: () => Ast): Ast {
		let left = operand();
		while (this.peek.kind === 'op' && ops(this.peek.text)) {
			const op = this.next();
			const right = operand();
			left = { kind: 'binary', op: op.text as BinaryOp, left, right, column: op.column };
		}
		return left;
	}

	comparison(): Ast {
		return this.binaryLevel(
			(t) => COMPARISONS.has(t),
			() => this.additive()
		);
	}

	private additive(): Ast {
		return this.binaryLevel(
			(t) => t === '+' || t === '-',
			() => this.term()
		);
	}

	private term(): Ast {
		return this.binaryLevel(
			(t) => t === '*' || t === '/',
			() => this.unary()
		);
	}

	private unary(): Ast {
		const t = this.peek;
		if (t.kind === 'op' && t.text === '-') {
			this.next();
			return { kind: 'negate', operand: this.unary(), column: t.column };
		}
		return this.primary();
	}

	private primary(): Ast {
		const t = this.next();
		switch (t.kind) {
			case 'number':
				return { kind: 'number', value: Number(t.text), column: t.column };
			case 'field':
				return this.field(t);
			case 'ident':
				return this.call(t);
			case '(': {
				const inner = this.comparison();
				this.expect(')', "')'");
				return inner;
			}
			default:
				return fail(
					`expected a number, $field, function or '(' at column ${t.column}, found ${describe(t)}`,
					{
						column: t.column,
						found: t.text
					}
				);
		}
	}

	private field(t: Token): Ast {
		const name = t.text.slice(1);
		if ((FIELDS as readonly string[]).includes(name)) {
			return { kind: 'field', name: name as Field, column: t.column };
		}
		const hint = suggest(name, FIELDS);
		return fail(
			`unknown field '${t.text}' at column ${t.column}` +
				(hint ? `; did you mean '$${hint}'?` : '') +
				` Fields: ${FIELDS.map((f) => '$' + f).join(', ')}.`,
			{ column: t.column, found: t.text, suggestion: hint && '$' + hint }
		);
	}

	private call(t: Token): Ast {
		const spec = FUNCTIONS[t.text];
		if (!spec) {
			if (this.peek.kind !== '(' && (FIELDS as readonly string[]).includes(t.text)) {
				fail(
					`unknown name '${t.text}' at column ${t.column}; fields start with '$': did you mean '$${t.text}'?`,
					{
						column: t.column,
						found: t.text,
						suggestion: '$' + t.text
					}
				);
			}
			const hint = suggest(t.text, FUNCTION_NAMES);
			fail(
				`unknown function '${t.text}' at column ${t.column}` +
					(hint ? `; did you mean '${hint}'?` : `; known functions: ${FUNCTION_NAMES.join(', ')}.`),
				{ column: t.column, found: t.text, suggestion: hint }
			);
		}
		this.expect('(', `'(' after ${t.text}`);
		const args: Ast[] = [];
		if (this.peek.kind !== ')') {
			args.push(this.comparison());
			while (this.peek.kind === ',') {
				this.next();
				args.push(this.comparison());
			}
		}
		this.expect(')', "')'");
		const arity = spec.series + spec.params.length;
		if (args.length !== arity) {
			fail(
				`${t.text} expects ${arity} argument${arity === 1 ? '' : 's'}, ${spec.signature}, ` +
					`got ${args.length} at column ${t.column}`,
				{ column: t.column, found: t.text }
			);
		}
		const params = spec.params.map((p, k) => literalParam(t.text, p, args[spec.series + k]));
		return {
			kind: 'call',
			name: t.text,
			args: args.slice(0, spec.series),
			params,
			column: t.column
		};
	}
}

/** A window, lag or quantile argument: a (possibly negated) number literal in range. */
function literalParam(fn: string, spec: ParamSpec, arg: Ast): number {
	const value =
		arg.kind === 'number'
			? arg.value
			: arg.kind === 'negate' && arg.operand.kind === 'number'
				? -arg.operand.value
				: undefined;
	const at = { column: arg.column, found: value ?? '(expression)' };
	if (value === undefined) {
		return fail(
			`${fn} argument '${spec.name}' at column ${arg.column} must be a number literal`,
			at
		);
	}
	if (spec.kind === 'quantile') {
		if (!(value >= 0 && value <= 1)) {
			fail(`${fn} quantile q at column ${arg.column} must be in [0, 1], got ${value}`, at);
		}
		return value;
	}
	if (spec.kind === 'lag' && value < 0) {
		fail(
			`${fn}(x, ${value}) at column ${arg.column} would read ${-value} bar(s) into the future; ` +
				'lags must be ≥ 0 (build targets with the labels module, not with features)',
			at
		);
	}
	const min = spec.kind === 'lag' ? 0 : spec.min;
	if (!Number.isInteger(value) || value < min || value > MAX_FEATURE_WINDOW) {
		fail(
			`${fn} ${spec.kind} '${spec.name}' at column ${arg.column} must be an integer in ` +
				`[${min}, ${MAX_FEATURE_WINDOW}], got ${value}`,
			at
		);
	}
	return value;
}
