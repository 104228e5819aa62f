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
	modelId: string;
	createdAt: number;
}
