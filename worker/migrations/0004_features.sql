-- Migration 0004: feature pipelines (issue #3): one row per POST /api/v1/features/pipeline.
--
-- Append-only: never edit once applied; add a later number instead. Same conventions as 0001 (TEXT
-- ids, ISO-8601 UTC timestamps with milliseconds). Each pipeline also gets a feature_sets row and one
-- features row per output column (0001), so the seed model's queries see it.

CREATE TABLE feature_pipelines (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	feature_set_id TEXT NOT NULL REFERENCES feature_sets (id) ON DELETE CASCADE,
	-- Content hash of the dataset (data_source.kind = 'dataset') or of the inline bars.
	data_hash TEXT NOT NULL CHECK (length(data_hash) = 64),
	-- specHash of the validated spec (src/lib/core/pipelines/spec-hash.ts): the browser cache's key.
	spec_hash TEXT NOT NULL CHECK (length(spec_hash) = 64),
	data_source_kind TEXT NOT NULL CHECK (data_source_kind IN ('inline', 'dataset')),
	spec TEXT NOT NULL CHECK (json_valid(spec)),
	output_format TEXT NOT NULL CHECK (output_format IN ('csv', 'json', 'parquet')),
	-- completed: computed at the edge (inline data); accepted: recorded for the browser/GPU runner.
	processing_status TEXT NOT NULL CHECK (processing_status IN ('completed', 'accepted')),
	rows INTEGER CHECK (rows IS NULL OR rows >= 0),
	warmup INTEGER CHECK (warmup IS NULL OR warmup >= 0),
	created_at TEXT NOT NULL
);
CREATE INDEX feature_pipelines_owner_created ON feature_pipelines (owner_id, created_at DESC);
CREATE INDEX feature_pipelines_owner_cache ON feature_pipelines (owner_id, data_hash, spec_hash);
