/**
 * The signed-in user, as rune state. The access token lives in sessionStorage (gone when the tab
 * closes; never in localStorage) and expires at the edge after an hour.
 */
import type { SignInResponse } from '$lib/core/protocol';

const KEY = 'axon.session';

class Session {
	#current = $state<SignInResponse | null>(null);

	constructor() {
		if (typeof sessionStorage !== 'undefined') {
			const raw = sessionStorage.getItem(KEY);
			if (raw) {
				const saved = JSON.parse(raw) as SignInResponse;
				if (Date.parse(saved.expires_at) > Date.now()) this.#current = saved;
			}
		}
	}

	get user() {
		return this.#current?.user ?? null;
	}

	get token() {
		const c = this.#current;
		return c && Date.parse(c.expires_at) > Date.now() ? c.token : null;
	}

	set(value: SignInResponse | null) {
		this.#current = value;
		if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
		else sessionStorage.removeItem(KEY);
	}
}

export const session = new Session();
