import type { SweepChunk } from './sweep-types';

const FIELDS = [
	'finalReturn',
	'meanReturn',
	'sdReturn',
	'sharpe',
	'maxDrawdown',
	'trades',
	'turnover',
	'turnoverPerYear'
] as const;

/**
 * Joins chunks of one sweep (in any order) into the chunk of their whole column range, as if one
 * `runSweepChunk` call had run it: each column's metrics depend on that column alone, so the join
 * is exact.
 *
 * @throws RangeError when there are no chunks, the ranges leave a hole or overlap, or the chunks
 *   ran over different bars.
 * @example
 * const all = mergeChunks([runSweepChunk(s, cols, 0, 500, o), runSweepChunk(s, cols, 500, 1000, o)]);
 */
export function mergeChunks(chunks: readonly SweepChunk[]): SweepChunk {
	if (chunks.length === 0) throw new RangeError('mergeChunks: no chunks');
	const sorted = [...chunks].sort((a, b) => a.from - b.from);
	const first = sorted[0];
	const from = first.from;
	const to = sorted[sorted.length - 1].to;
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].from !== sorted[i - 1].to) {
			throw new RangeError(
				`mergeChunks: chunk [${sorted[i].from}, ${sorted[i].to}) does not follow [${sorted[i - 1].from}, ${sorted[i - 1].to})`
			);
		}
		if (sorted[i].bars !== first.bars)
			throw new RangeError('mergeChunks: chunks ran over different bars');
	}
	const merged: SweepChunk = { from, to, bars: first.bars, equity: new Map() } as SweepChunk;
	for (const field of FIELDS) {
		const out = new Float64Array(to - from);
		for (const chunk of sorted) out.set(chunk[field], chunk.from - from);
		merged[field] = out;
	}
	for (const chunk of sorted) for (const [c, curve] of chunk.equity) merged.equity.set(c, curve);
	return merged;
}
