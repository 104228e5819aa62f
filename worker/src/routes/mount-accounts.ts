import { z } from 'zod';
import {
	ApiKeyCreate,
	ApiKeyCreated,
	ApiKeyList,
	AuthTokens,
	MeResponse,
	RefreshRequest,
	Revoked,
	SessionList,
	SignIn,
	SignUp
} from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';
import { createApiKey, listKeys, revokeApiKey } from './api-keys';
import { me, refresh, signIn, signOut, signUp } from './auth';
import { listSessions, revokeSession } from './sessions';

/** Registers the accounts routes on the API router. */
export function mountAccounts(router: Router<AppContext>): Router<AppContext> {
	return router
		.on('POST', '/api/v1/auth/sign-up', signUp)
		.on('POST', '/api/v1/auth/sign-in', signIn)
		.on('POST', '/api/v1/auth/refresh', refresh)
		.on('POST', '/api/v1/auth/sign-out', signOut)
		.on('GET', '/api/v1/auth/me', me)
		.on('GET', '/api/v1/auth/sessions', listSessions)
		.on('DELETE', '/api/v1/auth/sessions/:id', (c, p) => revokeSession(c, p.id!))
		.on('POST', '/api/v1/auth/api-keys', createApiKey)
		.on('GET', '/api/v1/auth/api-keys', listKeys)
		.on('DELETE', '/api/v1/auth/api-keys/:id', (c, p) => revokeApiKey(c, p.id!));
}

/** OpenAPI descriptions of the routes mounted above. */
export const accountsRouteDocs: RouteDoc[] = [
	{
		method: 'POST',
		path: '/api/v1/auth/sign-up',
		summary:
			'Create an account (researcher or observer) and sign in; off when ALLOW_SIGN_UP="false"',
		tag: 'auth',
		auth: 'public',
		body: SignUp,
		response: AuthTokens,
		status: 201
	},
	{
		method: 'POST',
		path: '/api/v1/auth/sign-in',
		summary: 'Sign in: a 15-minute access token and a 30-day rotating refresh token',
		tag: 'auth',
		auth: 'public',
		body: SignIn,
		response: AuthTokens
	},
	{
		method: 'POST',
		path: '/api/v1/auth/refresh',
		summary: 'Trade a refresh token for new tokens (the old refresh token stops working)',
		tag: 'auth',
		auth: 'public',
		body: RefreshRequest,
		response: AuthTokens
	},
	{
		method: 'POST',
		path: '/api/v1/auth/sign-out',
		summary: 'End the current session (its refresh and access tokens)',
		tag: 'auth',
		auth: 'token',
		response: Revoked
	},
	{
		method: 'GET',
		path: '/api/v1/auth/me',
		summary: 'Who the credential belongs to, and what it may do',
		tag: 'auth',
		auth: 'token',
		response: MeResponse
	},
	{
		method: 'GET',
		path: '/api/v1/auth/sessions',
		summary: 'Your signed-in sessions (signed-in people only, not API keys)',
		tag: 'auth',
		auth: 'token',
		permission: 'keys:manage',
		response: SessionList
	},
	{
		method: 'DELETE',
		path: '/api/v1/auth/sessions/{id}',
		summary: 'Revoke one of your sessions',
		tag: 'auth',
		auth: 'token',
		permission: 'keys:manage',
		response: Revoked
	},
	{
		method: 'POST',
		path: '/api/v1/auth/api-keys',
		summary: 'Create an API key scoped to permissions your role has; the key is shown once',
		tag: 'api-keys',
		auth: 'token',
		permission: 'keys:manage',
		body: ApiKeyCreate,
		response: ApiKeyCreated,
		status: 201
	},
	{
		method: 'GET',
		path: '/api/v1/auth/api-keys',
		summary: 'Your API keys (no secrets), with last use',
		tag: 'api-keys',
		auth: 'token',
		permission: 'keys:manage',
		response: ApiKeyList
	},
	{
		method: 'DELETE',
		path: '/api/v1/auth/api-keys/{id}',
		summary: 'Revoke an API key',
		tag: 'api-keys',
		auth: 'token',
		permission: 'keys:manage',
		response: Revoked
	},
	{
		method: 'GET',
		path: '/api/v1/openapi.json',
		summary: 'This document',
		tag: 'docs',
		auth: 'public',
		response: z.record(z.string(), z.unknown())
	}
];
