export { FIELDS, type Ast, type BinaryOp, type Field } from './ast';
export { tokenize, type Token, type TokenKind } from './tokenize';
export { compile } from './compile';
export { evaluate, evaluateAst } from './evaluate';
export { warmupOf } from './warmup-of';
export { FUNCTIONS, FUNCTION_NAMES, type FunctionSpec, type ParamSpec } from './functions';
export { ALPHA158, type NamedExpression } from './alpha158';
