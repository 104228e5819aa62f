// The PyTorch CPU anchor of the training benches: bench/torch_lstm_anchor.py (Debian's
// python3-torch) trains the same LSTM/GRU → Linear(1) regressor and reports samples/s per epoch.
import { spawnSync } from 'node:child_process';

export interface TorchAnchorConfig {
	cell: 'lstm' | 'gru';
	samples: number;
	window: number;
	features: number;
	units: number;
	batch: number;
	epochs: number;
}

/** samples/s per epoch and the torch version and threads, or null (with the reason printed). */
export function torchLstmAnchor(
	cfg: TorchAnchorConfig
): { torch: string; threads: number; samplesPerSec: number[] } | null {
	const run = spawnSync('/usr/bin/python3', ['bench/torch_lstm_anchor.py', JSON.stringify(cfg)], {
		encoding: 'utf8'
	});
	if (run.status !== 0) {
		console.error(`PyTorch anchor failed: ${run.stderr.trim().split('\n').at(-1)}`);
		return null;
	}
	const out = JSON.parse(run.stdout) as {
		torch: string;
		threads: number;
		samples_per_sec: number[];
	};
	return { torch: out.torch, threads: out.threads, samplesPerSec: out.samples_per_sec };
}
