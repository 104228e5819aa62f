-- Migration 0002: accounts (issue #7 part A): refresh-token sessions; API key lookups.
--
-- Append-only: never edit once applied; add a later number instead. Same conventions as 0001 (TEXT
-- ids, ISO-8601 UTC timestamps with milliseconds).

-- One row per signed-in device. The refresh token is opaque and random; only its SHA-256 is kept, so
-- a leaked database cannot be replayed. Rotation replaces refresh_hash; previous_hash remembers the
-- one before it so a replayed (stolen) old token can be recognised and the whole session revoked.
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	refresh_hash TEXT NOT NULL UNIQUE,
	previous_hash TEXT,
	created_at TEXT NOT NULL,
	last_used_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	revoked_at TEXT,
	user_agent TEXT,
	ip TEXT
);
CREATE INDEX sessions_user_created ON sessions (user_id, created_at DESC);
CREATE INDEX sessions_previous_hash ON sessions (previous_hash);
