/**
 * The model lifecycle: which status changes are allowed, and which permission each needs. Serving
 * decisions (anything into or out of `deployed`, and archiving) belong to `models:promote`, the same
 * people who move the champion alias; the rest is everyday work under `models:create`.
 *
 * | from \ to | training | trained | deployed | archived |
 * |-----------|:--------:|:-------:|:--------:|:--------:|
 * | training  |          | create  |          | promote  |
 * | trained   | create   |         | promote  | promote  |
 * | deployed  |          | promote |          | promote  |
 * | archived  |          | promote |          |          |
 *
 * @example
 * transitionPermission('trained', 'deployed'); // 'models:promote'
 * transitionPermission('archived', 'deployed'); // null: restore to trained first
 */
import type { ModelStatus } from '../../../src/lib/core/protocol';
import type { Permission } from '../auth/permissions';

type Rule = Partial<Record<ModelStatus, Permission>>;

const TRANSITIONS: Record<ModelStatus, Rule> = {
	training: { trained: 'models:create', archived: 'models:promote' },
	trained: { training: 'models:create', deployed: 'models:promote', archived: 'models:promote' },
	deployed: { trained: 'models:promote', archived: 'models:promote' },
	archived: { trained: 'models:promote' }
};

/** The permission a move needs, or null when the move is not allowed at all. */
export function transitionPermission(from: ModelStatus, to: ModelStatus): Permission | null {
	return TRANSITIONS[from][to] ?? null;
}

export function allowedNext(from: ModelStatus): ModelStatus[] {
	return Object.keys(TRANSITIONS[from]) as ModelStatus[];
}
