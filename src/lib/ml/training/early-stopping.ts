/**
 * Early stopping on the validation loss (Prechelt 1998, "Early stopping — but when?"): pure state, so
 * it is saved with a checkpoint and a resumed run stops exactly where an uninterrupted one would.
 */
import type { EarlyStoppingConfig } from '$lib/core/protocol/training';

export interface EarlyStoppingState {
	best: number;
	/** 1-based epoch of `best`; 0 before the first validation. */
	bestEpoch: number;
	/** Epochs since the last improvement. */
	wait: number;
}

export const initialEarlyStopping = (): EarlyStoppingState => ({
	best: Infinity,
	bestEpoch: 0,
	wait: 0
});

/**
 * The state after `epoch`'s validation loss. An improvement is a loss below `best − minDelta`.
 *
 * @example
 * let s = initialEarlyStopping();
 * s = observeValidationLoss(s, { patience: 2, minDelta: 0, restoreBest: true }, 1, 0.5).state;
 */
export function observeValidationLoss(
	state: EarlyStoppingState,
	config: EarlyStoppingConfig,
	epoch: number,
	valLoss: number
): { state: EarlyStoppingState; improved: boolean; stop: boolean } {
	if (valLoss < state.best - config.minDelta) {
		return { state: { best: valLoss, bestEpoch: epoch, wait: 0 }, improved: true, stop: false };
	}
	const wait = state.wait + 1;
	return { state: { ...state, wait }, improved: false, stop: wait >= config.patience };
}
