/**
 * The IndexedDB schema (Dexie). Versions are append-only: a new version adds stores or indexes and,
 * where data changes shape, an `.upgrade()` — never edit a released version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
	CheckpointRecord,
	DatasetRecord,
	ExperimentRecord,
	FeatureSetRecord,
	MetricRecord,
	RunRecord
} from './records';
import type { BattleSessionRecord } from './records-battle';
import type { ModelArtifactRecord, ModelRecord } from './records-model';
import type { FeaturePipelineRecord } from './records-pipeline';
import type { SyncQueueRecord } from './records-sync';

export class AxonDb extends Dexie {
	datasets!: EntityTable<DatasetRecord, 'id'>;
	featureSets!: EntityTable<FeatureSetRecord, 'id'>;
	experiments!: EntityTable<ExperimentRecord, 'id'>;
	runs!: EntityTable<RunRecord, 'id'>;
	metrics!: EntityTable<MetricRecord, 'id'>;
	checkpoints!: EntityTable<CheckpointRecord, 'id'>;
	featurePipelines!: EntityTable<FeaturePipelineRecord, 'id'>;
	models!: EntityTable<ModelRecord, 'id'>;
	modelArtifacts!: EntityTable<ModelArtifactRecord, 'id'>;
	battleSessions!: EntityTable<BattleSessionRecord, 'id'>;
	syncQueue!: EntityTable<SyncQueueRecord, 'id'>;

	constructor(name = 'axon') {
		super(name);
		this.version(1).stores({
			datasets: 'id, contentHash, createdAt',
			featureSets: 'id, datasetId, createdAt',
			experiments: 'id, status, createdAt, datasetId',
			runs: 'id, experimentId, status',
			metrics: '++id, runId, [runId+name]',
			checkpoints: 'id, runId, createdAt'
		});
		// v2: feature pipeline cache (#3), model zoo (#4), battle sessions (#6), sync outbox (#7).
		this.version(2).stores({
			featurePipelines: 'id, &[datasetHash+specHash], createdAt',
			models: 'id, kind, updatedAt',
			modelArtifacts: 'id, modelId, createdAt',
			battleSessions: 'id, status, createdAt',
			syncQueue: '++id, [entity+entityId], createdAt'
		});
	}
}

let shared: AxonDb | null = null;

/** The one database of this origin, opened lazily (pages and workers each get their own connection). */
export function openDb(): AxonDb {
	shared ??= new AxonDb();
	return shared;
}
