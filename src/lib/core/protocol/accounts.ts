/**
 * Accounts (issue #7 part A): sign-up, token refresh, sign-out, sessions and API keys. Part of the one
 * protocol module (`$lib/core/protocol`); the edge validates bodies with these schemas and the browser
 * parses responses with them.
 */
import { z } from 'zod';
import { Role } from './base';

/**
 * Roles a person may pick at sign-up. data_engineer and ai_architect carry team-wide powers
 * (ai_architect alone may promote models to production), so they are granted by an admin, never
 * self-assigned; a self-service account is a researcher or an observer.
 */
export const SELF_SERVICE_ROLES = ['researcher', 'observer'] as const;

/** Everything a role may be granted; the edge's matrix (worker/src/auth/permissions.ts) is the truth. */
export const PERMISSION_NAMES = [
	'experiments:read',
	'experiments:create',
	'live:read',
	'live:publish',
	'runs:log',
	'models:read',
	'models:create',
	'models:promote',
	'models:predict',
	'features:run',
	'battles:read',
	'battles:create',
	'shares:create',
	'keys:manage'
] as const;
export const PermissionName = z.enum(PERMISSION_NAMES);
export type PermissionName = z.infer<typeof PermissionName>;

export const MIN_PASSWORD_LENGTH = 12;

export const SignUp = z.object({
	email: z.email().max(254),
	password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
	display_name: z.string().trim().min(1).max(100),
	role: z.enum(SELF_SERVICE_ROLES).default('researcher')
});
export type SignUp = z.infer<typeof SignUp>;

export const AccountUser = z.object({
	id: z.string(),
	email: z.string(),
	role: Role,
	display_name: z.string()
});
export type AccountUser = z.infer<typeof AccountUser>;

/**
 * What sign-in, sign-up and refresh return. `token`/`expires_at`/`user` are the original sign-in
 * fields (kept for old clients); the refresh token is opaque and shown only in this response.
 */
export const AuthTokens = z.object({
	token: z.string(),
	expires_at: z.string(),
	user: AccountUser,
	refresh_token: z.string(),
	refresh_expires_at: z.string(),
	session_id: z.string()
});
export type AuthTokens = z.infer<typeof AuthTokens>;

export const RefreshRequest = z.object({ refresh_token: z.string().min(1).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const MeResponse = z.object({
	user: AccountUser,
	/** How this request was authenticated; `api_key` requests also list the key's scopes. */
	via: z.enum(['session', 'api_key']).optional(),
	permissions: z.array(PermissionName).optional()
});
export type MeResponse = z.infer<typeof MeResponse>;

export const SessionInfo = z.object({
	id: z.string(),
	created_at: z.string(),
	last_used_at: z.string(),
	expires_at: z.string(),
	revoked_at: z.string().nullable(),
	user_agent: z.string().nullable(),
	ip: z.string().nullable(),
	current: z.boolean()
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ items: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const ApiKeyCreate = z.object({
	name: z.string().trim().min(1).max(100),
	scopes: z
		.array(PermissionName)
		.min(1)
		.max(PERMISSION_NAMES.length)
		.refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
	expires_in_days: z.number().int().min(1).max(365).optional()
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

export const ApiKeyInfo = z.object({
	id: z.string(),
	name: z.string(),
	/** The first characters of the key (`axk_<id>`), enough to recognise it, useless to use it. */
	key_prefix: z.string(),
	scopes: z.array(PermissionName),
	created_at: z.string(),
	last_used_at: z.string().nullable(),
	expires_at: z.string().nullable(),
	revoked_at: z.string().nullable()
});
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;

/** Returned once by `POST /auth/api-keys`: the only time the plaintext key is ever sent. */
export const ApiKeyCreated = ApiKeyInfo.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

export const ApiKeyList = z.object({ items: z.array(ApiKeyInfo) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** A 204-style acknowledgement with the revoked object's id (JSON so every client parses one way). */
export const Revoked = z.object({ id: z.string(), revoked_at: z.string() });
export type Revoked = z.infer<typeof Revoked>;
