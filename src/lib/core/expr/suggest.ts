/**
 * The candidate closest to `name` by Levenshtein distance (case-insensitive), or undefined when
 * none is within a third of the name's length (at least 2 edits): a hint, never a guess.
 *
 * @example
 * suggest('Meen', ['Mean', 'Min']); // 'Mean'
 */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
	const lower = name.toLowerCase();
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
	for (const c of candidates) {
		const d = levenshtein(lower, c.toLowerCase());
		if (d < bestDistance) {
			best = c;
			bestDistance = d;
		}
	}
	return best;
}

function levenshtein(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
		}
		prev = row;
	}
	return prev[b.length];
}
