/**
 * The signed-in user, as rune state. Tokens live in sessionStorage (gone when the tab closes; never in
 * localStorage). The access token expires at the edge after 15 minutes; the session refreshes it a
 * minute before that, on page load when it has already expired, and whenever the edge client meets a
 * 401, so pages can keep reading `session.token`. Each refresh rotates the refresh token.
 *
 * @example
 * session.set(tokensFromSignIn);
 * const r = await listRemoteExperiments(session.token!);
 */
import { refreshTokens, setTokenRefresher, signOut as signOutAt } from '$lib/api/edge-client';
import type { AuthTokens, SignInResponse } from '$lib/core/protocol';

const KEY = 'axon.session';
/** Refresh this long before the access token expires, so a request never races the expiry. */
const REFRESH_EARLY_MS = 60_000;

type Stored = SignInResponse &
	Partial<Pick<AuthTokens, 'refresh_token' | 'refresh_expires_at' | 'session_id'>>;

class Session {
	#current = $state<Stored | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#inflight: Promise<string | null> | null = null;

	constructor() {
		if (typeof sessionStorage === 'undefined') return;
		setTokenRefresher(() => this.refresh());
		const raw = sessionStorage.getItem(KEY);
		if (!raw) return;
		const saved = JSON.parse(raw) as Stored;
		if (Date.parse(saved.expires_at) > Date.now()) {
			this.#current = saved;
			this.#schedule();
		} else if (saved.refresh_token && Date.parse(saved.refresh_expires_at ?? '') > Date.now()) {
			this.#current = saved;
			void this.refresh();
		} else {
			sessionStorage.removeItem(KEY);
		}
	}

	get user() {
		return this.#current?.user ?? null;
	}

	get token() {
		const c = this.#current;
		return c && Date.parse(c.expires_at) > Date.now() ? c.token : null;
	}

	get sessionId() {
		return this.#current?.session_id ?? null;
	}

	set(value: Stored | null) {
		this.#current = value;
		if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
		else sessionStorage.removeItem(KEY);
		this.#schedule();
	}

	/**
	 * A fresh access token from the refresh token, or null (then the user is signed out locally).
	 * Concurrent callers share one request: two refreshes with one token would look like theft.
	 */
	refresh(): Promise<string | null> {
		this.#inflight ??= this.#refreshOnce().finally(() => (this.#inflight = null));
		return this.#inflight;
	}

	/** Ends the session at the edge (its refresh token stops working) and forgets it here. */
	async signOut(): Promise<void> {
		const token = this.token;
		if (token) await signOutAt(token);
		this.set(null);
	}

	async #refreshOnce(): Promise<string | null> {
		const refreshToken = this.#current?.refresh_token;
		if (!refreshToken) return null;
		const r = await refreshTokens(refreshToken);
		if (r.ok) {
			this.set(r.value);
			return r.value.token;
		}
		// Unreachable edge: keep the session and try again later. Refused: the session is over.
		if (r.code !== 'internal') this.set(null);
		return null;
	}

	#schedule() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const c = this.#current;
		if (!c?.refresh_token) return;
		const delay = Math.max(5_000, Date.parse(c.expires_at) - Date.now() - REFRESH_EARLY_MS);
		this.#timer = setTimeout(() => void this.refresh(), delay);
	}
}

export const session = new Session();
