import type { ExecutionConfig } from '../arena/execution-config';
import { MixtureSprt, type MixtureSprtOptions, type MixtureSprtState } from './mixture-sprt';
import { PaperAccount, type LiveBar } from './paper-account';
import type { StreamingContender } from './streaming-contender';
import { normaliseWeights, routeOf } from './traffic-split';

export interface LiveArenaOptions {
	/** Champion first, then challengers. */
	contenders: readonly StreamingContender[];
	/** Traffic weight per contender (same order); normalised. */
	weights: readonly number[];
	seed: number;
	execution?: ExecutionConfig;
	test?: MixtureSprtOptions;
}

export interface ArmSnapshot {
	id: string;
	label: string;
	/** The arm's full-capital shadow account. */
	equity: number;
	/** Bars whose decision the live account took from this arm, and their share so far. */
	routed: number;
	share: number;
	/** Challengers only: the mSPRT on shadow return differences (challenger − champion). */
	test: MixtureSprtState | null;
}

export interface LiveSnapshot {
	bars: number;
	time: number;
	close: number;
	/** The live account: on each bar it executes the routed arm's target. */
	liveEquity: number;
	arms: ArmSnapshot[];
}

/**
 * Champion vs challengers on a live feed: each bar, every contender decides; every arm's shadow
 * `PaperAccount` trades its own target (so each arm's return on every bar is known); the seeded
 * split (`routeOf`) picks the arm whose target the live account executes; and each challenger's
 * mSPRT takes that bar's shadow return difference against the champion.
 *
 * @example
 * const arena = new LiveArena({ contenders: [champion, challenger], weights: [0.8, 0.2], seed: 1 });
 * const snap = arena.push(bar); // snap.arms[1].test?.significant
 */
export class LiveArena {
	readonly #contenders: readonly StreamingContender[];
	readonly #weights: number[];
	readonly #seed: number;
	readonly #shadows: PaperAccount[];
	readonly #live: PaperAccount;
	readonly #tests: (MixtureSprt | null)[];
	readonly #routed: number[];
	#bars = 0;

	constructor(options: LiveArenaOptions) {
		if (options.contenders.length < 2)
			throw new RangeError('LiveArena: needs a champion and at least one challenger');
		if (options.weights.length !== options.contenders.length)
			throw new RangeError('LiveArena: one weight per contender');
		this.#contenders = options.contenders;
		this.#weights = normaliseWeights(options.weights);
		this.#seed = options.seed;
		this.#shadows = options.contenders.map(() => new PaperAccount(options.execution));
		this.#live = new PaperAccount(options.execution);
		this.#tests = options.contenders.map((_, k) =>
			k === 0 ? null : new MixtureSprt(options.test)
		);
		this.#routed = options.contenders.map(() => 0);
	}

	push(bar: LiveBar): LiveSnapshot {
		const i = this.#bars++;
		const targets = this.#contenders.map((c) => c.next(bar));
		const marks = this.#shadows.map((account, k) => account.step(bar, targets[k]));
		const arm = routeOf(this.#seed, i, this.#weights);
		this.#routed[arm]++;
		this.#live.step(bar, targets[arm]);
		this.#tests.forEach((test, k) => test?.push(marks[k].ret - marks[0].ret));
		return this.snapshot(bar);
	}

	snapshot(bar?: LiveBar): LiveSnapshot {
		return {
			bars: this.#bars,
			time: bar?.time ?? NaN,
			close: bar?.close ?? NaN,
			liveEquity: this.#live.equity,
			arms: this.#contenders.map((c, k) => ({
				id: c.id,
				label: c.label,
				equity: this.#shadows[k].equity,
				routed: this.#routed[k],
				share: this.#bars > 0 ? this.#routed[k] / this.#bars : 0,
				test: this.#tests[k]?.state() ?? null
			}))
		};
	}

	/** The live account's fills, for trade markers. */
	get fills() {
		return this.#live.fills;
	}
}
