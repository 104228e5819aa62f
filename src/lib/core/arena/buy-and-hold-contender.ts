import type { Contender } from './contender';

/** The benchmark every session carries: fully long from the first decision on. */
export function buyAndHoldContender(id = 'buy-and-hold'): Contender {
	return {
		id,
		label: 'Buy & hold',
		kind: 'buy_and_hold',
		targets: (_bars, window) => new Float64Array(window.end - window.start).fill(1)
	};
}
