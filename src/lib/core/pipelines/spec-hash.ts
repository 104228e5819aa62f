import { sha256Hex } from '../hash/sha256-hex';
import { canonicalJson } from './canonical-json';
import type { ValidatedPipeline } from './validate-pipeline-spec';

/** Bumped when the runner's numbers change for the same spec, so old cache entries stop matching. */
export const PIPELINE_ENGINE_VERSION = 'axon-pipeline-v1';

/**
 * The cache key of what a spec computes: SHA-256 of the canonical JSON of its transformations (with
 * every default param filled in), labels and output columns. The name, the dataset reference and
 * the export format are left out: they do not change the numbers. Together with the dataset's content
 * hash it identifies a computed feature set.
 *
 * @example
 * await specHash(validated); // 64 hex digits; same for `{ n: 14 }` and `{}` on rsi
 */
export function specHash(pipeline: ValidatedPipeline): Promise<string> {
	const { transformations, labels } = pipeline.spec;
	return sha256Hex(
		canonicalJson({
			engine: PIPELINE_ENGINE_VERSION,
			transformations,
			labels,
			columns: pipeline.columns
		})
	);
}
