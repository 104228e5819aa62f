/** Battle sessions in IndexedDB: save, list (newest first, without the heavy outcome), get, mark synced. */
import type { AxonDb } from './db';
import type { BattleSessionRecord } from './records-battle';

export type BattleSessionSummary = Omit<BattleSessionRecord, 'outcome'>;

export async function saveBattleSession(db: AxonDb, record: BattleSessionRecord): Promise<void> {
	await db.battleSessions.put(record);
}

export async function getBattleSession(
	db: AxonDb,
	id: string
): Promise<BattleSessionRecord | undefined> {
	return db.battleSessions.get(id);
}

/** Newest first; the outcome (curves) is dropped so a long list stays light in the page. */
export async function listBattleSessions(db: AxonDb): Promise<BattleSessionSummary[]> {
	const rows = await db.battleSessions.orderBy('createdAt').reverse().toArray();
	return rows.map(({ outcome: _outcome, ...summary }) => summary);
}

export async function markBattleSynced(db: AxonDb, id: string, remoteId: string): Promise<void> {
	await db.battleSessions.update(id, { remoteId });
}

export async function deleteBattleSession(db: AxonDb, id: string): Promise<void> {
	await db.battleSessions.delete(id);
}
