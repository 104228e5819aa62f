/**
 * A Neumaier-compensated running total (Neumaier 1974) for cumulative indicators (OBV, A/D):
 * over decades of daily volume a plain `+=` drifts by many units; this stays within one rounding.
 */
export class RunningTotal {
	private sum = 0;
	private c = 0;

	add(x: number): number {
		const t = this.sum + x;
		this.c += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
		this.sum = t;
		return t + this.c;
	}

	get value(): number {
		return this.sum + this.c;
	}
}
