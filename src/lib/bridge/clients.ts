/**
 * The page's handles on its workers. Each starts lazily on first use; `new URL(..., import.meta.url)`
 * lets Vite bundle the worker as an ES module (tfjs backends use dynamic import inside workers).
 */
import type { DataApi } from '$lib/pipeline/data-api';
import type { TrainApi } from '$lib/pipeline/train-api';
import { WorkerClient } from './worker-client';

export const dataWorker = new WorkerClient<DataApi>(
	() => new Worker(new URL('../../workers/data.worker.ts', import.meta.url), { type: 'module' })
);

export const trainWorker = new WorkerClient<TrainApi>(
	() => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' })
);
