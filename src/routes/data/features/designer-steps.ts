/**
 * The designer's steps and their live checks, pure so the page stays thin: each step's error (an
 * indicator's params against the registry, an expression's parse error with its column) and the
 * spec sent to the data worker.
 */
import { compile } from '$lib/core/expr';
import { validateParams } from '$lib/core/indicators/indicator';
import { findIndicator } from '$lib/core/indicators/registry';
import type { FeaturePipelineSpecInput } from '$lib/core/protocol/features';

export type DesignerStep =
	| { key: number; kind: 'indicator'; id: string; params: Record<string, number> }
	| { key: number; kind: 'expression'; name: string; expression: string };

/** Why a step cannot run yet, or null. */
export function stepError(step: DesignerStep): string | null {
	if (step.kind === 'indicator') {
		const def = findIndicator(step.id);
		if (!def) return `unknown indicator ${step.id}`;
		const r = validateParams(def, step.params);
		return r.ok ? null : r.message;
	}
	if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(step.name))
		return 'name: letters, digits and _, not starting with a digit';
	const r = compile(step.expression);
	return r.ok ? null : r.message;
}

/** Default params of an indicator, as the form starts them. */
export function defaultParams(id: string): Record<string, number> {
	const def = findIndicator(id);
	return Object.fromEntries((def?.params ?? []).map((p) => [p.name, p.default]));
}

export function specOf(steps: DesignerStep[], name?: string): FeaturePipelineSpecInput {
	return {
		...(name ? { name } : {}),
		transformations: steps.map((s) =>
			s.kind === 'indicator'
				? { kind: 'indicator' as const, id: s.id, params: { ...s.params } }
				: { kind: 'expression' as const, name: s.name, expression: s.expression }
		)
	};
}

/** Steps back from a saved spec (to reopen a cached pipeline in the designer). */
export function stepsOf(spec: unknown): DesignerStep[] {
	const transformations = (spec as FeaturePipelineSpecInput | undefined)?.transformations ?? [];
	return transformations.map((t, key) =>
		t.kind === 'indicator'
			? { key, kind: 'indicator', id: t.id, params: { ...(t.params ?? {}) } }
			: { key, kind: 'expression', name: t.name, expression: t.expression }
	);
}
