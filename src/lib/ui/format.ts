/** Number formatting shared by tables: percentages, ratios, and an em dash for missing values. */
export const pct = (v: number | null | undefined, digits = 1) =>
	v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;

export const num = (v: number | null | undefined, digits = 2) =>
	v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

export const date = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
