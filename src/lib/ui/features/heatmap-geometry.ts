/**
 * Pure geometry for a correlation heat map: one square per pair, coloured on a diverging scale
 * (−1 blue, 0 neutral, +1 red; NaN grey), with the value as text for screen readers and tooltips.
 */
import { interpolateRdBu, scaleBand } from 'd3';

export interface HeatCell {
	row: number;
	column: number;
	x: number;
	y: number;
	size: number;
	fill: string;
	label: string;
}

/** −1 → blue, +1 → red (RdBu reversed so "hot" means positively correlated); NaN → grey. */
export const correlationColor = (r: number): string =>
	Number.isFinite(r) ? interpolateRdBu((1 - r) / 2) : '#4b5563';

export function heatmapGeometry(
	names: string[],
	matrix: number[][],
	frame: { size: number; offset: number }
): { cells: HeatCell[]; labels: { name: string; at: number }[]; band: number } {
	const band = scaleBand<number>()
		.domain(names.map((_, i) => i))
		.range([frame.offset, frame.size])
		.padding(0.05);
	const cells: HeatCell[] = [];
	for (let row = 0; row < names.length; row++) {
		for (let column = 0; column < names.length; column++) {
			const r = matrix[row][column];
			cells.push({
				row,
				column,
				x: band(column)!,
				y: band(row)!,
				size: band.bandwidth(),
				fill: correlationColor(r),
				label: `${names[row]} × ${names[column]}: ${Number.isFinite(r) ? r.toFixed(2) : 'n/a'}`
			});
		}
	}
	return {
		cells,
		labels: names.map((name, i) => ({ name, at: band(i)! + band.bandwidth() / 2 })),
		band: band.bandwidth()
	};
}
