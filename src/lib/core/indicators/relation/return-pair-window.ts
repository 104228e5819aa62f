import { SourceStream } from '../statistics/source';

/**
 * Co-moments of the last `size` pairs of one-bar log returns (x of this series, y of the other):
 * Sxx = Σ(x − x̄)², Syy = Σ(y − ȳ)², Sxy = Σ(x − x̄)(y − ȳ), by an exact two-pass pass over the
 * window every bar (O(w) per bar; no sliding update, so no drift and no re-seeding rule to match).
 *
 * NaN rule: a pair counts only when both returns are finite; `push` is false until `size`
 * consecutive such pairs have arrived (a gap in either series blanks `size + 1` bars).
 *
 * @example
 * const w = new ReturnPairWindow(20);
 * if (w.push(closeA, closeB)) console.log(w.sxy / Math.sqrt(w.sxx * w.syy));
 */
export class ReturnPairWindow {
	private readonly xs = new SourceStream({ source: 1 });
	private readonly ys = new SourceStream({ source: 1 });
	private readonly x: Float64Array;
	private readonly y: Float64Array;
	private pos = 0;
	private run = 0;
	sxx = 0;
	syy = 0;
	sxy = 0;

	constructor(readonly size: number) {
		this.x = new Float64Array(size);
		this.y = new Float64Array(size);
	}

	push(closeX: number, closeY: number): boolean {
		const rx = this.xs.push(closeX);
		const ry = this.ys.push(closeY);
		this.run = Number.isFinite(rx) && Number.isFinite(ry) ? this.run + 1 : 0;
		this.x[this.pos] = rx;
		this.y[this.pos] = ry;
		this.pos = (this.pos + 1) % this.size;
		if (this.run < this.size) return false;
		const n = this.size;
		let mx = 0;
		let my = 0;
		for (let i = 0; i < n; i++) {
			mx += this.x[i];
			my += this.y[i];
		}
		mx /= n;
		my /= n;
		let sxx = 0;
		let syy = 0;
		let sxy = 0;
		for (let i = 0; i < n; i++) {
			const dx = this.x[i] - mx;
			const dy = this.y[i] - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		this.sxx = sxx;
		this.syy = syy;
		this.sxy = sxy;
		return true;
	}
}
