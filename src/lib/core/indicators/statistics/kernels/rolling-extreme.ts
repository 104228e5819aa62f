/**
 * Rolling maximum (or minimum) of the last `window` finite values with a monotonic deque (Lemire
 * 2006, "Streaming maximum-minimum filter using no more than three comparisons per element"): the
 * deque keeps only values that can still become the extreme, so each value enters and leaves once,
 * O(1) amortised per value.
 *
 * NaN rule: a non-finite value empties the window; `push` returns NaN until `window` finite values
 * have followed it.
 *
 * @example
 * const m = new RollingExtreme(2, 'max');
 * [1, 3, 2].map((x) => m.push(x)); // [NaN, 3, 3]
 */
export class RollingExtreme {
	private readonly window: number;
	private readonly isMax: boolean;
	// Circular deque of (index, value); it never holds more than `window` entries.
	private readonly idx: Float64Array;
	private readonly val: Float64Array;
	private head = 0;
	private size = 0;
	private t = 0;
	private count = 0;

	constructor(window: number, kind: 'max' | 'min') {
		this.window = window;
		this.isMax = kind === 'max';
		this.idx = new Float64Array(window);
		this.val = new Float64Array(window);
	}

	push(x: number): number {
		const w = this.window;
		if (!Number.isFinite(x)) {
			this.size = 0;
			this.count = 0;
			return NaN;
		}
		const t = this.t++;
		// Drop the front if it has left the window.
		if (this.size > 0 && this.idx[this.head] <= t - w) {
			this.head = this.head + 1 === w ? 0 : this.head + 1;
			this.size--;
		}
		// Drop dominated values from the back (ties: the newer value survives, it lives longer).
		while (this.size > 0) {
			const back = (this.head + this.size - 1) % w;
			const v = this.val[back];
			if (this.isMax ? v <= x : v >= x) this.size--;
			else break;
		}
		const slot = (this.head + this.size) % w;
		this.idx[slot] = t;
		this.val[slot] = x;
		this.size++;
		if (this.count < w) this.count++;
		return this.count >= w ? this.val[this.head] : NaN;
	}
}
