import { SourceStream } from '../statistics/source';

/**
 * What the per-bar wavelet energies (`HaarWindowEnergies`, `FourTapWindowEnergies`) share: the log
 * returns and each level's kept coefficients by position (mod N, a power of two), and the run of
 * finite returns that says which of them belong to the current stretch. A missing or non-positive
 * close ends the run, so a window is usable after N consecutive finite returns.
 */
export abstract class KeptCoefficients {
	private readonly source = new SourceStream({ source: 1 });
	private finiteRun = 0;
	protected readonly n: number;
	protected readonly mask: number;
	protected readonly r: Float64Array; // returns by position
	protected readonly a1: Float64Array; // level-1 approximation whose first input is at a position
	protected readonly d1: Float64Array; // its detail, squared
	protected readonly a2: Float64Array;
	protected readonly d2: Float64Array;
	protected readonly a3: Float64Array;
	protected readonly d3: Float64Array;
	protected t = -1; // position of the latest return

	constructor(n: number) {
		this.n = n;
		this.mask = n - 1;
		[this.r, this.a1, this.d1, this.a2, this.d2, this.a3, this.d3] = Array.from(
			{ length: 7 },
			() => new Float64Array(n)
		);
	}

	/** Feeds the next close: its return goes to position t; the finite run's length (0: missing). */
	protected advance(close: number): number {
		const x = this.source.push(close);
		if (!Number.isFinite(x)) return (this.finiteRun = 0);
		const t = ++this.t;
		this.r[t & this.mask] = x;
		return ++this.finiteRun;
	}
}

/** Σ v[s + step·j] for j < count, in j order from 0 (the pyramid's `detail += d * d`). */
export function alignedSum(
	v: Float64Array,
	s: number,
	step: number,
	count: number,
	mask: number
): number {
	let sum = 0;
	for (let j = 0; j < count; j++) sum += v[(s + step * j) & mask];
	return sum;
}
