/** A model of the zoo (spec + metadata) and its saved weights — issue #4. */
import type { ModelSpec } from '$lib/core/protocol';

export interface ModelRecord {
	id: string;
	name: string;
	/** The preset it started from (`PresetId`) or 'custom'; indexed for filtering. */
	kind: string;
	createdAt: number;
	updatedAt: number;
	/** The spec as the designer saved it (parsed with `ModelSpec` on every read). Absent only in pre-#4 rows. */
	spec?: ModelSpec;
	/** Parameters by shape inference; null when the shapes do not fit yet (a draft). */
	paramCount?: number | null;
}

export interface ModelArtifactRecord {
	id: string;
	/** The zoo model it belongs to, or 'arena' for a model imported to battle in the arena. */
	modelId: string;
	createdAt: number;
	/** Arena imports: the model's files as uploaded (validated by loading them before storing). */
	name?: string;
	format?: 'onnx' | 'tfjs';
	onnx?: ArrayBuffer;
	tfjs?: { modelJson: unknown; weights: ArrayBuffer; card: unknown };
	/** The declared input shape, e.g. ['batch', 8, 3] (symbolic or unknown dimensions kept). */
	inputShape?: (number | string | null)[];
}
