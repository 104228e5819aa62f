/**
 * Repository functions over the Dexie schema. Every write that touches more than one record runs in a
 * single transaction, so a crash or an error leaves either all of it or none of it.
 */
import type { AxonDb } from './db';
import type {
	CheckpointRecord,
	DatasetRecord,
	ExperimentRecord,
	FeatureSetRecord,
	LossPoint,
	MetricRecord,
	RunRecord
} from './records';
import type { ExperimentResults, ExperimentStatus } from '$lib/core/protocol';

export const newId = (): string => crypto.randomUUID();

/** Datasets are keyed by content: importing the same bytes twice returns the existing record. */
export async function saveDataset(db: AxonDb, record: DatasetRecord): Promise<DatasetRecord> {
	return db.transaction('rw', db.datasets, async () => {
		const existing = await db.datasets.where('contentHash').equals(record.contentHash).first();
		if (existing) return existing;
		await db.datasets.add(record);
		return record;
	});
}

/** Dataset summaries without the (large) columns, newest first. */
export async function listDatasets(db: AxonDb): Promise<Omit<DatasetRecord, 'columns'>[]> {
	const all = await db.datasets.orderBy('createdAt').reverse().toArray();
	return all.map(({ columns: _columns, ...meta }) => meta);
}

export async function deleteDataset(db: AxonDb, id: string): Promise<void> {
	await db.transaction('rw', db.datasets, db.featureSets, async () => {
		await db.featureSets.where('datasetId').equals(id).delete();
		await db.datasets.delete(id);
	});
}

export async function saveFeatureSet(db: AxonDb, record: FeatureSetRecord): Promise<void> {
	await db.transaction('rw', db.datasets, db.featureSets, async () => {
		if (!(await db.datasets.get(record.datasetId))) {
			throw new Error(`dataset ${record.datasetId} does not exist`);
		}
		await db.featureSets.put(record);
	});
}

export async function latestFeatureSet(
	db: AxonDb,
	datasetId: string
): Promise<FeatureSetRecord | undefined> {
	const sets = await db.featureSets.where('datasetId').equals(datasetId).sortBy('createdAt');
	return sets.at(-1);
}

/** Creates an experiment and its first run together. */
export async function createExperimentWithRun(
	db: AxonDb,
	experiment: Omit<ExperimentRecord, 'runId' | 'status'>,
	seed: number
): Promise<{ experiment: ExperimentRecord; run: RunRecord }> {
	const run: RunRecord = {
		id: newId(),
		experimentId: experiment.id,
		status: 'running',
		backend: null,
		adapter: null,
		software: null,
		seed,
		startedAt: Date.now(),
		finishedAt: null,
		history: [],
		backtest: null
	};
	const full: ExperimentRecord = { ...experiment, status: 'running', runId: run.id };
	full.body = { ...full.body, status: 'running' };
	await db.transaction('rw', db.experiments, db.runs, async () => {
		await db.experiments.add(full);
		await db.runs.add(run);
	});
	return { experiment: full, run };
}

/** Appends a batch of loss points to a run's history and metric log in one transaction. */
export async function appendLoss(db: AxonDb, runId: string, points: LossPoint[]): Promise<void> {
	if (points.length === 0) return;
	await db.transaction('rw', db.runs, db.metrics, async () => {
		const run = await db.runs.get(runId);
		if (!run) throw new Error(`run ${runId} does not exist`);
		await db.runs.update(runId, { history: [...run.history, ...points] });
		const rows: MetricRecord[] = [];
		for (const p of points) {
			rows.push({ runId, name: 'loss', step: p.epoch, value: p.loss });
			if (p.valLoss !== null)
				rows.push({ runId, name: 'val_loss', step: p.epoch, value: p.valLoss });
		}
		await db.metrics.bulkAdd(rows);
	});
}

export async function saveCheckpoint(db: AxonDb, record: CheckpointRecord): Promise<void> {
	await db.transaction('rw', db.runs, db.checkpoints, async () => {
		if (!(await db.runs.get(record.runId))) throw new Error(`run ${record.runId} does not exist`);
		await db.checkpoints.put(record);
	});
}

export async function latestCheckpoint(
	db: AxonDb,
	runId: string
): Promise<CheckpointRecord | undefined> {
	const all = await db.checkpoints.where('runId').equals(runId).sortBy('createdAt');
	return all.at(-1);
}

export interface RunOutcome {
	status: 'completed' | 'failed' | 'cancelled';
	backend: string | null;
	adapter: string | null;
	software: boolean | null;
	backtest: RunRecord['backtest'];
	results: ExperimentResults | null;
	error: string | null;
	probe?: RunRecord['probe'];
	kernels?: RunRecord['kernels'];
}

const experimentStatusOf: Record<RunOutcome['status'], ExperimentStatus> = {
	completed: 'completed',
	failed: 'failed',
	cancelled: 'paused'
};

/** Closes a run and updates its experiment (status, results) atomically. */
export async function finishRun(
	db: AxonDb,
	runId: string,
	outcome: RunOutcome
): Promise<ExperimentRecord> {
	return db.transaction('rw', db.runs, db.experiments, async () => {
		const run = await db.runs.get(runId);
		if (!run) throw new Error(`run ${runId} does not exist`);
		const experiment = await db.experiments.get(run.experimentId);
		if (!experiment) throw new Error(`experiment ${run.experimentId} does not exist`);
		await db.runs.update(runId, {
			status: outcome.status,
			backend: outcome.backend,
			adapter: outcome.adapter,
			software: outcome.software,
			backtest: outcome.backtest,
			finishedAt: Date.now(),
			...(outcome.probe ? { probe: outcome.probe } : {}),
			...(outcome.kernels ? { kernels: outcome.kernels } : {})
		});
		const status = experimentStatusOf[outcome.status];
		const body = {
			...experiment.body,
			status,
			...(outcome.results ? { results: outcome.results } : {})
		};
		const updated: ExperimentRecord = {
			...experiment,
			status,
			body,
			error: outcome.error,
			updatedAt: Date.now()
		};
		await db.experiments.put(updated);
		return updated;
	});
}

export async function markSynced(
	db: AxonDb,
	experimentId: string,
	remoteId: string
): Promise<void> {
	await db.experiments.update(experimentId, { remote: { id: remoteId, syncedAt: Date.now() } });
}

export async function listExperiments(db: AxonDb): Promise<ExperimentRecord[]> {
	return db.experiments.orderBy('createdAt').reverse().toArray();
}

export async function getExperimentDetail(
	db: AxonDb,
	id: string
): Promise<{ experiment: ExperimentRecord; run: RunRecord | undefined } | undefined> {
	const experiment = await db.experiments.get(id);
	if (!experiment) return undefined;
	const run = experiment.runId ? await db.runs.get(experiment.runId) : undefined;
	return { experiment, run };
}
