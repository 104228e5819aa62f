import { compile, warmupOf, type Ast } from '../expr';
import { validateParams, type IndicatorDef, type Params } from '../indicators/indicator';
import { findIndicator } from '../indicators/registry';
import { FeaturePipelineSpec, type LabelSpec } from '../protocol/features';
import { err, ok, type Result } from '../result';
import { indicatorColumnNames } from './indicator-column-names';
import { labelColumnName } from './label-column-name';

/** One step ready to run: the registry definition with filled params, or a compiled expression. */
export type ValidatedStep =
	| { kind: 'indicator'; def: IndicatorDef; params: Params; names: string[]; warmup: number }
	| { kind: 'expression'; ast: Ast; source: string; names: [string]; warmup: number };

export interface ValidatedPipeline {
	/** The spec after zod defaults and with every indicator's params filled in (what is hashed). */
	spec: FeaturePipelineSpec;
	steps: ValidatedStep[];
	labels: { spec: LabelSpec; name: string }[];
	/** The columns written, in order. */
	columns: string[];
}

const zodPath = (path: readonly PropertyKey[]): string =>
	path.reduce<string>(
		(s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
		''
	);

/**
 * Parses a feature-set spec and checks its meaning: every indicator id exists in the registry with
 * valid params, every expression compiles, column names are unique and `columns` only names outputs.
 * An error names the offending transformation (`transformations[2] (rsi): …`) and carries
 * `details.path` and, for steps, `details.index`.
 *
 * @example
 * validatePipelineSpec({ transformations: [{ kind: 'indicator', id: 'rsi', params: { n: 14 } }] });
 * // ok: steps[0].names = ['rsi_14']
 */
export function validatePipelineSpec(json: unknown): Result<ValidatedPipeline> {
	const parsed = FeaturePipelineSpec.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = zodPath(issue.path);
		return err('bad_input', `${path || 'spec'}: ${issue.message}`, { path });
	}
	const spec = parsed.data;
	const steps: ValidatedStep[] = [];
	const seen = new Set<string>();
	const claim = (names: string[], where: string, index: number): Result<null> => {
		for (const name of names) {
			if (seen.has(name))
				return err('bad_input', `${where}: column "${name}" is produced twice; give it a name`, {
					path: where,
					index
				});
			seen.add(name);
		}
		return ok(null);
	};
	for (const [index, step] of spec.transformations.entries()) {
		const where = `transformations[${index}]`;
		if (step.kind === 'indicator') {
			const def = findIndicator(step.id);
			if (!def)
				return err('bad_input', `${where}: unknown indicator "${step.id}"`, { path: where, index });
			const params = validateParams(def, step.params);
			if (!params.ok)
				return err('bad_input', `${where} (${def.id}): ${params.message.replace(/^[^:]*: /, '')}`, {
					path: `${where}.params`,
					index
				});
			const names = indicatorColumnNames(def, params.value, step.name);
			const claimed = claim(names, where, index);
			if (!claimed.ok) return claimed;
			step.params = params.value;
			steps.push({
				kind: 'indicator',
				def,
				params: params.value,
				names,
				warmup: def.warmup(params.value)
			});
		} else {
			const ast = compile(step.expression);
			if (!ast.ok)
				return err('bad_input', `${where} (${step.name}): ${ast.message}`, {
					path: `${where}.expression`,
					index,
					...(typeof ast.details === 'object' ? (ast.details as object) : {})
				});
			const claimed = claim([step.name], where, index);
			if (!claimed.ok) return claimed;
			steps.push({
				kind: 'expression',
				ast: ast.value,
				source: step.expression,
				names: [step.name],
				warmup: warmupOf(ast.value)
			});
		}
	}
	const labels = spec.labels.map((label) => ({ spec: label, name: labelColumnName(label) }));
	for (const [index, label] of labels.entries()) {
		const claimed = claim([label.name], `labels[${index}]`, index);
		if (!claimed.ok) return claimed;
	}
	const all = [...steps.flatMap((s) => s.names), ...labels.map((l) => l.name)];
	const columns = spec.columns ?? all;
	const unknown = columns.find((c) => !seen.has(c));
	if (unknown !== undefined)
		return err(
			'bad_input',
			`columns: "${unknown}" is not an output; outputs are ${all.join(', ')}`,
			{
				path: 'columns'
			}
		);
	return ok({ spec, steps, labels, columns });
}
