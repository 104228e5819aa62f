/**
 * Shape propagation over a whole spec: every block's output shape, its parameters and the first error,
 * so the designer can mark the block that breaks the chain and keep checking the rest.
 */
import type { ModelHead, ModelSpec } from '../protocol/models';
import { inferBlockShape, type Shape } from './block-shape';

export interface LayerReport {
	/** 'block' rows follow `spec.blocks`; 'head' rows follow `spec.heads`. */
	kind: 'block' | 'head';
	index: number;
	label: string;
	/** Input shape, or null when an earlier error left it unknown. */
	input: Shape | null;
	output: Shape | null;
	params: number;
	extraActivations: number;
	error: string | null;
}

export interface ShapeReport {
	layers: LayerReport[];
	/** Parameters of the layers whose shapes are known (all of them when `ok`). */
	paramCount: number;
	ok: boolean;
}

/**
 * Propagates shapes from `spec.input` through the blocks, then into each head. After a failing block
 * the following blocks report `input: null` and no error of their own (their error would be noise).
 *
 * @example
 * const r = inferShapes(spec);
 * r.layers.filter((l) => l.error).map((l) => `${l.label}: ${l.error}`);
 */
export function inferShapes(spec: ModelSpec): ShapeReport {
	const layers: LayerReport[] = [];
	let shape: Shape | null = [spec.input.window, spec.input.features];
	spec.blocks.forEach((block, index) => {
		const label = `${index + 1}. ${block.type}`;
		if (!shape) {
			layers.push({
				kind: 'block',
				index,
				label,
				input: null,
				output: null,
				params: 0,
				extraActivations: 0,
				error: null
			});
			return;
		}
		const r = inferBlockShape(block, shape);
		layers.push(
			r.ok
				? {
						kind: 'block',
						index,
						label,
						input: shape,
						output: r.value.shape,
						params: r.value.params,
						extraActivations: r.value.extraActivations,
						error: null
					}
				: {
						kind: 'block',
						index,
						label,
						input: shape,
						output: null,
						params: 0,
						extraActivations: 0,
						error: r.message
					}
		);
		shape = r.ok ? r.value.shape : null;
	});
	spec.heads.forEach((head, index) => {
		layers.push(headReport(head, index, shape, spec.input.window * spec.input.features));
	});
	return {
		layers,
		paramCount: layers.reduce((n, l) => n + l.params, 0),
		ok: layers.every((l) => l.error === null && l.output !== null)
	};
}

/** Output width of a head: the number its dense layer produces. */
export function headUnits(head: ModelHead, inputValues: number): number {
	if (head.kind === 'regression') return head.units;
	if (head.kind === 'classification') return head.classes;
	return inputValues;
}

function headReport(
	head: ModelHead,
	index: number,
	input: Shape | null,
	inputValues: number
): LayerReport {
	const label = `${head.name} (${head.kind})`;
	const base = { kind: 'head' as const, index, label, input, extraActivations: 0 };
	if (!input) return { ...base, output: null, params: 0, error: null };
	if (input.length !== 1) {
		return {
			...base,
			output: null,
			params: 0,
			error: `heads need a vector, the last block gives [${input.join(', ')}]; add a pool, attention pool or flatten block.`
		};
	}
	const units = headUnits(head, inputValues);
	return { ...base, output: [units], params: input[0] * units + units, error: null };
}
