/**
 * Pearson correlation between every pair of columns over the rows from `from` on where both values
 * are finite (pairwise deletion). NaN where fewer than 3 such rows exist or a column is constant on
 * them. Two passes per pair (means, then centred sums) for numerical stability.
 *
 * @example
 * correlationMatrix([a, b], 20); // [[1, r], [r, 1]]
 */
export function correlationMatrix(columns: readonly Float64Array[], from = 0): number[][] {
	const k = columns.length;
	const out = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
	for (let i = 0; i < k; i++) {
		for (let j = i; j < k; j++) {
			const r = i === j ? selfCorrelation(columns[i], from) : pearson(columns[i], columns[j], from);
			out[i][j] = r;
			out[j][i] = r;
		}
	}
	return out;
}

function selfCorrelation(a: Float64Array, from: number): number {
	return pearson(a, a, from);
}

function pearson(a: Float64Array, b: Float64Array, from: number): number {
	let n = 0;
	let sa = 0;
	let sb = 0;
	for (let t = from; t < a.length; t++) {
		if (Number.isFinite(a[t]) && Number.isFinite(b[t])) {
			n++;
			sa += a[t];
			sb += b[t];
		}
	}
	if (n < 3) return NaN;
	const ma = sa / n;
	const mb = sb / n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let t = from; t < a.length; t++) {
		if (Number.isFinite(a[t]) && Number.isFinite(b[t])) {
			const da = a[t] - ma;
			const db = b[t] - mb;
			sab += da * db;
			saa += da * da;
			sbb += db * db;
		}
	}
	if (saa === 0 || sbb === 0) return NaN;
	return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
