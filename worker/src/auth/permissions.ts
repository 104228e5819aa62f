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
 * | runs:log            |     ✓      |       ✓       |      ✓       |          |
 * | models:read         |     ✓      |       ✓       |      ✓       |    ✓     |
 * | models:create       |     ✓      |               |      ✓       |          |
 * | models:promote      |            |               |      ✓       |          |
 * | models:predict      |     ✓      |       ✓       |      ✓       |    ✓     |
 * | features:run        |     ✓      |       ✓       |      ✓       |          |
 * | battles:read        |     ✓      |       ✓       |      ✓       |    ✓     |
 * | battles:create      |     ✓      |               |      ✓       |          |
 * | shares:create       |     ✓      |       ✓       |      ✓       |          |
 * | keys:manage         |     ✓      |       ✓       |      ✓       |    ✓     |
 *
 * `models:promote` covers moving aliases (champion/challenger) and the deployed/archived transitions:
 * the model architect owns what serves. `keys:manage` is for one's own API keys and sessions only.
 * Observers can read only. `users.permissions` (JSON) is reserved for per-user overrides and is not
 * consulted yet.
 */
import type { PermissionName, Role } from '../../../src/lib/core/protocol';

const EVERYONE = ['researcher', 'data_engineer', 'ai_architect', 'observer'] as const;
const WRITERS = ['researcher', 'data_engineer', 'ai_architect'] as const;

export const PERMISSIONS = {
	'experiments:read': EVERYONE,
	'experiments:create': WRITERS,
	'live:read': EVERYONE,
	'live:publish': WRITERS,
	'runs:log': WRITERS,
	'models:read': EVERYONE,
	'models:create': ['researcher', 'ai_architect'],
	'models:promote': ['ai_architect'],
	'models:predict': EVERYONE,
	'features:run': WRITERS,
	'battles:read': EVERYONE,
	'battles:create': ['researcher', 'ai_architect'],
	'shares:create': WRITERS,
	'keys:manage': EVERYONE
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
	return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** API-key scopes are validated with the protocol's PERMISSION_NAMES; this fails to compile if the two drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PROTOCOL_LISTS_EVERY_PERMISSION: Same<Permission, PermissionName> = true;

/** Every permission `role` has, in matrix order (what an API key of that user may be scoped to). */
export function permissionsOf(role: Role): Permission[] {
	return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
