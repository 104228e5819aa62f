const CANDIDATES = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

/**
 * Picks the field separator from the header line: whichever of comma, tab, semicolon and pipe occurs
 * most often outside quotes, comma when none does. The header is the one line whose fields are
 * all names, so it is the one line a decimal comma or a stray character cannot confuse. (Papa Parse's
 * own guess compares field counts over the first rows and falls back to comma on short files.)
 *
 * @example
 * detectDelimiter('date\tclose\n2024-01-02\t1.5\n'); // '\t'
 * detectDelimiter('"a;b",c,d\n'); // ','
 */
export function detectDelimiter(text: string): Delimiter {
	const start = text.search(/\S/);
	const end = text.indexOf('\n', Math.max(start, 0));
	const header = text.slice(Math.max(start, 0), end < 0 ? text.length : end);
	const counts = new Map<string, number>();
	let quoted = false;
	for (const ch of header) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let best: Delimiter = ',';
	for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
	return best;
}
