-- Migration 0003: experiment tracking, model registry, share links (issue #7 part B).
--
-- Append-only: never edit once applied; add 0004_*.sql instead. Same conventions as 0001 (TEXT ids,
-- ISO-8601 UTC timestamps with milliseconds, JSON columns checked with json_valid, enums as CHECKs
-- mirroring src/lib/core/protocol/tracking.ts).

-- Optimistic concurrency for offline-first sync: every accepted write bumps `version`; a PUT carrying
-- an older base version is refused with 409 and the server copy, so a stale browser never overwrites.
ALTER TABLE experiments ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
-- Denormalised from results.sharpe on every write so "sort by best score" is an index scan.
ALTER TABLE experiments ADD COLUMN best_score REAL;
UPDATE experiments SET best_score = json_extract(results, '$.sharpe') WHERE results IS NOT NULL;
-- Keyset pagination needs (sort key, id) indexes per owner for each offered sort.
CREATE INDEX experiments_owner_name ON experiments (owner_id, name, id);
CREATE INDEX experiments_owner_best_score ON experiments (owner_id, best_score, id);

-- Runs: a human label and the final metrics reported when the run closes.
ALTER TABLE experiment_runs ADD COLUMN name TEXT;
ALTER TABLE experiment_runs ADD COLUMN final_metrics TEXT
	CHECK (final_metrics IS NULL OR json_valid(final_metrics));

-- A metric point is identified by (run, name, step): the browser's uploader retries batches after
-- network failures, and a retried batch must overwrite, not duplicate.
CREATE UNIQUE INDEX performance_metrics_run_point
	ON performance_metrics (run_id, name, step) WHERE run_id IS NOT NULL;

-- Files attached to a run (plots, checkpoints, reports). Bytes live in R2 under a content-addressed
-- key; sha256 lets a client verify what it downloads.
CREATE TABLE run_artifacts (
	id TEXT PRIMARY KEY,
	run_id TEXT NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
	r2_key TEXT NOT NULL,
	created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	UNIQUE (run_id, name)
);

-- Model registry additions: a metadata card on the model; hash, size, runtime format and metrics on
-- each (immutable) version.
ALTER TABLE models ADD COLUMN card TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(card));
ALTER TABLE model_versions ADD COLUMN sha256 TEXT;
ALTER TABLE model_versions ADD COLUMN size_bytes INTEGER;
ALTER TABLE model_versions ADD COLUMN format TEXT;
ALTER TABLE model_versions ADD COLUMN metrics TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metrics));

-- Named pointers to versions (champion, challenger, custom). Who moved them and when is in audit_log
-- (action model.alias.set / model.alias.delete, target = the model), written in the same batch.
CREATE TABLE model_aliases (
	model_id TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
	alias TEXT NOT NULL,
	version INTEGER NOT NULL CHECK (version >= 1),
	updated_by TEXT,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (model_id, alias)
);
