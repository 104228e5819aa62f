/**
 * The close `period` bars back, for the return indicators' streaming path: a ring of the last
 * `period` closes. `push` stores the new close and returns the one it displaces (NaN at first).
 */
export class LaggedCloses {
	private readonly ring: Float64Array;
	private pos = 0;

	constructor(period: number) {
		this.ring = new Float64Array(period).fill(NaN);
	}

	push(x: number): number {
		const old = this.ring[this.pos];
		this.ring[this.pos] = x;
		this.pos = this.pos + 1 === this.ring.length ? 0 : this.pos + 1;
		return old;
	}
}
