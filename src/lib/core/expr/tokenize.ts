import { err, ok, type Result } from '../result';

export type TokenKind = 'number' | 'field' | 'ident' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
	kind: TokenKind;
	/** The source text ('' for `end`). */
	text: string;
	/** 1-based column of the first character. */
	column: number;
}

const OPERATORS = ['>=', '<=', '==', '!=', '+', '-', '*', '/', '>', '<'];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Splits an expression into tokens. Numbers are unsigned decimals with an optional exponent
 * (`1e-12`); a sign is the unary operator. Fields are `$name`; identifiers name functions.
 *
 * @example
 * tokenize('Mean($close, 5)'); // ok([ident Mean, (, field $close, ",", number 5, ), end])
 */
export function tokenize(source: string): Result<Token[]> {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const ch = source[i];
		if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
			i++;
			continue;
		}
		const rest = source.slice(i);
		const column = i + 1;
		const number = NUMBER.exec(rest);
		if (number) {
			tokens.push({ kind: 'number', text: number[0], column });
			i += number[0].length;
			continue;
		}
		if (ch === '$') {
			const word = WORD.exec(rest.slice(1));
			if (!word) {
				return err('bad_input', `expected a field name after '$' at column ${column}`, {
					column,
					found: '$'
				});
			}
			tokens.push({ kind: 'field', text: '$' + word[0], column });
			i += 1 + word[0].length;
			continue;
		}
		const word = WORD.exec(rest);
		if (word) {
			tokens.push({ kind: 'ident', text: word[0], column });
			i += word[0].length;
			continue;
		}
		if (ch === '(' || ch === ')' || ch === ',') {
			tokens.push({ kind: ch, text: ch, column });
			i++;
			continue;
		}
		const op = OPERATORS.find((o) => rest.startsWith(o));
		if (op) {
			tokens.push({ kind: 'op', text: op, column });
			i += op.length;
			continue;
		}
		return err('bad_input', `unexpected character '${ch}' at column ${column}`, {
			column,
			found: ch
		});
	}
	tokens.push({ kind: 'end', text: '', column: source.length + 1 });
	return ok(tokens);
}
