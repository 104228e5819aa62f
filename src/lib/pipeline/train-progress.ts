/** Progress of an experiment run, streamed from the train worker to the page. */
import type { BackendProbe } from '$lib/ml/backend-probe';

export interface TrainProgress {
	phase: 'prepare' | 'train' | 'predict' | 'backtest' | 'save';
	/** 0..1 over the whole run. */
	fraction: number;
	message: string;
	epoch?: number;
	epochs?: number;
	loss?: number;
	valLoss?: number | null;
	/** Validation information coefficient (Pearson) at epoch ends. */
	valMetric?: number | null;
	learningRate?: number;
	samplesPerSec?: number;
	/** Estimated milliseconds left in training. */
	etaMs?: number;
	backend?: string;
	/** The measured backend probe, one line (only when the backend was 'auto'). */
	probe?: string;
	/** The same probe in full: each backend's status, step time and adapter. */
	probeDetail?: BackendProbe;
}
