/**
 * Shapes of what AXON keeps in IndexedDB. Columns are typed arrays: structured clone stores them
 * natively and they transfer to workers without copying.
 */
import type { OhlcvSeries } from '$lib/core/ohlcv';
import type { ExperimentCreate, ExperimentStatus } from '$lib/core/protocol';
// Type-only: these records store what ml produces as plain data (no runtime import of tfjs here).
import type { BackendProbe } from '$lib/ml/backend-probe';
import type { FusedRunInfo } from '$lib/ml/fused/fused-run-info';
import type { TrainingSnapshot } from '$lib/ml/training/training-snapshot';

/** The measured backend probe as stored with a run: every backend tried, its step time, the choice. */
export type ProbeSummary = BackendProbe;

export interface DatasetRecord {
	id: string;
	name: string;
	symbol: string;
	/** Where the bytes came from: a bundled file, an upload, or a synthetic generator with its seed. */
	source: string;
	/** SHA-256 of the canonical column bytes: the reproducibility key. */
	contentHash: string;
	rows: number;
	firstTime: number;
	lastTime: number;
	warnings: string[];
	createdAt: number;
	columns: Omit<OhlcvSeries, 'symbol'>;
}

export interface FeatureEngineInfo {
	kind: 'webgpu' | 'cpu';
	adapter?: string;
	software?: boolean;
	notice?: string;
}

export interface FeatureSetRecord {
	id: string;
	datasetId: string;
	/** The feature specs as JSON (see src/lib/core/features). */
	specs: unknown[];
	names: string[];
	columns: Float32Array[];
	/** Rows at the start that are NaN because some feature is still warming up. */
	warmup: number;
	engine: FeatureEngineInfo;
	createdAt: number;
}

export interface ExperimentRecord {
	id: string;
	name: string;
	status: ExperimentStatus;
	datasetId: string;
	featureSetId: string;
	/** The record exactly as it is sent to the edge. */
	body: ExperimentCreate;
	runId: string | null;
	/** Set once the edge has the record. */
	remote: { id: string; syncedAt: number } | null;
	error: string | null;
	createdAt: number;
	updatedAt: number;
}

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface LossPoint {
	epoch: number;
	loss: number;
	valLoss: number | null;
}

export interface BacktestCurves {
	/** Bar times (ms) of each out-of-sample decision. */
	time: Float64Array;
	equity: Float64Array;
	benchmark: Float64Array;
	positions: Float64Array;
	predictions: Float32Array;
}

export interface RunRecord {
	id: string;
	experimentId: string;
	status: RunStatus;
	backend: string | null;
	adapter: string | null;
	software: boolean | null;
	seed: number;
	startedAt: number;
	finishedAt: number | null;
	history: LossPoint[];
	backtest: BacktestCurves | null;
	/** The backend probe, when the run's backend was 'auto' (absent on older runs). */
	probe?: ProbeSummary;
	/** Fused kernels the model used and one measured training step (absent without fused layers). */
	kernels?: FusedRunInfo;
}

export interface MetricRecord {
	id?: number;
	runId: string;
	name: string;
	step: number;
	value: number;
}

export interface CheckpointArtifacts {
	modelTopology: object;
	weightSpecs: unknown[];
	weightData: ArrayBuffer;
	format: 'tfjs-layers';
}

export interface CheckpointRecord {
	id: string;
	runId: string;
	epoch: number;
	createdAt: number;
	artifacts: CheckpointArtifacts;
	/** The training engine's snapshot for an exact resume (absent on checkpoints older than #4). */
	training?: TrainingSnapshot;
}
