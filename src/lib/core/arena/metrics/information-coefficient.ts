import { pearsonCorrelation } from './pearson-correlation';

/**
 * Information coefficient: the Pearson correlation between a signal known at bar t and the forward
 * return realised after t (Grinold & Kahn, *Active Portfolio Management*, 2nd ed., 2000, ch. 6;
 * the "fundamental law" IR ≈ IC · √breadth). Pairs with a non-finite value are skipped.
 *
 * @param forward e.g. `forwardReturns(close, 1)`, aligned with `signal`.
 * @returns null for fewer than two pairs or zero variance.
 * @example
 * informationCoefficient(signal, forwardReturns(series.close, 1));
 */
export function informationCoefficient(signal: ArrayLike<number>, forward: ArrayLike<number>) {
	return pearsonCorrelation(signal, forward);
}
