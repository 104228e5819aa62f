/** A model of the zoo (spec + metadata) and its saved weights — issue #4. */
export interface ModelRecord {
	id: string;
	name: string;
	kind: string;
	createdAt: number;
	updatedAt: number;
}

export interface ModelArtifactRecord {
	id: string;
	modelId: string;
	createdAt: number;
}
