/** A battle session: models × data × execution model, its results — issue #6. */
export interface BattleSessionRecord {
	id: string;
	name: string;
	status: string;
	createdAt: number;
}
