/**
 * Loads `axon-dense-v1` weights from R2 and keeps them parsed per isolate. Versions are immutable and
 * keyed by content hash, so a cached entry can never be stale; the cache is small and bounded.
 */
import { DenseWeights } from '../../../src/lib/core/protocol';

const cache = new Map<string, DenseWeights>();
const MAX_CACHED = 32;

export async function loadWeights(
	bucket: R2Bucket,
	key: string,
	sha256: string
): Promise<DenseWeights | null> {
	const hit = cache.get(sha256);
	if (hit) return hit;
	const object = await bucket.get(key);
	if (!object) return null;
	const parsed = DenseWeights.safeParse(await object.json());
	if (!parsed.success) return null;
	if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
	cache.set(sha256, parsed.data);
	return parsed.data;
}
