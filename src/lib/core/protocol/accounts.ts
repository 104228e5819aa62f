/** Accounts: sign-up, refresh, sign-out, sessions, API keys (issue #7). */
export {};
