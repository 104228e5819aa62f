/** A battle session: models × data × execution model, its results — issue #6. */
import type { BattleConfig, BattleOutcome, ContenderChoice } from '$lib/core/arena';
import type { BattleSessionCreate } from '$lib/core/protocol';

export type { ContenderChoice };

export interface BattleSessionRecord {
	id: string;
	name: string;
	/** 'running' while the worker works; then 'completed', 'failed' or 'cancelled'. */
	status: string;
	createdAt: number;
	/** Fields below arrived with issue #6's session runner; older rows may lack them. */
	datasetId?: string;
	datasetName?: string;
	contenders?: ContenderChoice[];
	config?: BattleConfig;
	finishedAt?: number | null;
	/** The full outcome (curves as typed arrays), present once completed. */
	outcome?: BattleOutcome | null;
	/** The edge copy, as sent (kept so an unsent session can be retried). */
	remote?: BattleSessionCreate | null;
	remoteId?: string | null;
	error?: string | null;
}
