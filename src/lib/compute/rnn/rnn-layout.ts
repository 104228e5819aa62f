/**
 * Shapes and buffer layouts shared by the fused LSTM/GRU kernels and their f64 twins.
 *
 * Gate order follows tfjs-layers (and Keras): LSTM `[i, f, c, o]`, GRU `[z, r, h]` with the reset
 * gate applied *before* the recurrent matmul (Keras `reset_after=false`, the only GRU tfjs 4.22 has).
 * Weights: `kernel [D, G·H]`, `recurrentKernel [H, G·H]`, `bias [G·H]`, so a tfjs layer's
 * `getWeights()` can be copied over unchanged.
 */

export type RnnCell = 'lstm' | 'gru';

/** The gate nonlinearity: tfjs-layers defaults to Keras 1's hard sigmoid `clip(0.2·a + 0.5, 0, 1)`. */
export type GateActivation = 'sigmoid' | 'hardSigmoid';

export interface RecurrenceShape {
	batch: number;
	steps: number;
	units: number;
	/** Process time T−1 … 0 (tfjs `goBackwards`); outputs stay in processing order, as in tfjs. */
	reverse: boolean;
	gate: GateActivation;
}

/** Gates per unit: 4 for LSTM, 3 for GRU. */
export const gateCount = (cell: RnnCell): number => (cell === 'lstm' ? 4 : 3);

/**
 * What the forward recurrence saves per (batch row, processing step), `units` floats per block:
 * - LSTM: `[i f g o | c | h | hPrev]` (gates after activation) → 7H
 * - GRU:  `[z r hh | h | hPrev]` → 5H
 * `hPrev` duplicates the previous step's `h` so the recurrent-kernel gradient is one matmul
 * (`hPrevᵀ · dA`) instead of a shift on the device.
 */
export interface WorkspaceLayout {
	width: number;
	/** Offset of the cell state (LSTM only; −1 for GRU). */
	c: number;
	h: number;
	hPrev: number;
}

export function workspaceLayout(cell: RnnCell, units: number): WorkspaceLayout {
	const H = units;
	return cell === 'lstm'
		? { width: 7 * H, c: 4 * H, h: 5 * H, hPrev: 6 * H }
		: { width: 5 * H, c: -1, h: 3 * H, hPrev: 4 * H };
}

/** The input time index read at processing step `s`. */
export const timeAt = (s: number, steps: number, reverse: boolean): number =>
	reverse ? steps - 1 - s : s;
