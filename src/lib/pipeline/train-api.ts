/** The train worker's API: one method, a Result, progress through a proxied callback. */
import { signalFromPort } from '$lib/bridge/abort-port';
import { err, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import type { ExperimentInput } from './experiment-input';
import { runExperiment, type RunSummary } from './run-experiment';
import type { TrainProgress } from './train-progress';

export function createTrainApi(db: () => AxonDb) {
	return {
		async runExperiment(
			input: ExperimentInput,
			port?: MessagePort,
			onProgress?: (p: TrainProgress) => void
		): Promise<Result<RunSummary>> {
			try {
				return await runExperiment(db(), input, { signal: signalFromPort(port), onProgress });
			} catch (e) {
				return err('internal', e instanceof Error ? e.message : String(e));
			}
		}
	};
}

export type TrainApi = ReturnType<typeof createTrainApi>;
