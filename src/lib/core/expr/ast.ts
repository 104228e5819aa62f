/**
 * The syntax tree of a feature expression (`Mean($close, 5) / $close`). Window and quantile
 * arguments are literals, kept apart from the series arguments in `params`, so a tree that compiled
 * always evaluates and its warm-up is known without data.
 */
export const FIELDS = ['open', 'high', 'low', 'close', 'volume', 'vwap'] as const;
export type Field = (typeof FIELDS)[number];

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '>' | '<' | '>=' | '<=' | '==' | '!=';
export type BinaryOp = ArithmeticOp | ComparisonOp;

/** Every node carries the 1-based column where it starts, for error messages. */
export type Ast =
	| { kind: 'number'; value: number; column: number }
	| { kind: 'field'; name: Field; column: number }
	| { kind: 'negate'; operand: Ast; column: number }
	| { kind: 'binary'; op: BinaryOp; left: Ast; right: Ast; column: number }
	| { kind: 'call'; name: string; args: Ast[]; params: number[]; column: number };
