/**
 * Who may do what: the role → permission matrix, in one table so it can be read and reviewed at a
 * glance. A permission not listed here is granted to nobody.
 *
 * | permission          | researcher | data_engineer | ai_architect | observer |
 * |---------------------|:----------:|:-------------:|:------------:|:--------:|
 * | experiments:read    |     ✓      |       ✓       |      ✓       |    ✓     |
 * | experiments:create  |     ✓      |       ✓       |      ✓       |          |
 * | live:read           |     ✓      |       ✓       |      ✓       |    ✓     |
 * | live:publish        |     ✓      |       ✓       |      ✓       |          |
 *
 * Observers can read only. `users.permissions` (JSON) is reserved for per-user overrides and is not
 * consulted yet.
 */
import type { Role } from '../../../src/lib/core/protocol';

const EVERYONE = ['researcher', 'data_engineer', 'ai_architect', 'observer'] as const;
const WRITERS = ['researcher', 'data_engineer', 'ai_architect'] as const;

export const PERMISSIONS = {
	'experiments:read': EVERYONE,
	'experiments:create': WRITERS,
	'live:read': EVERYONE,
	'live:publish': WRITERS
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
	return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
