/** Progress of an experiment run, streamed from the train worker to the page. */
import type { BackendProbe } from '$lib/ml/backend-probe';

export interface TrainProgress {
	phase: 'prepare' | 'train' | 'predict' | 'backtest' | 'save';
	/** The local experiment record being trained (from the first training report on). */
	experimentId?: string;
	/** 0..1 over the whole run. */
	fraction: number;
	message: string;
	epoch?: number;
	epochs?: number;
	/** True on the one report at the end of each epoch (its loss is the epoch's mean). */
	epochEnd?: boolean;
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
