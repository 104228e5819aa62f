-- Migration 0001: the seed data model (DESIGN.md §5).
--
-- Append-only: never edit this file once applied anywhere; add 0002_*.sql instead.
-- Conventions used throughout:
--   * ids are TEXT (crypto.randomUUID() from the Worker) except append-only logs, which use INTEGER
--     autoincrement so their order is the insertion order;
--   * timestamps are ISO-8601 UTC strings with milliseconds ('2026-04-20T12:34:56.789Z'), written by
--     the Worker; fixed width, so text order is time order and they can back cursor pagination;
--   * JSON columns are TEXT with CHECK (json_valid(...)) so a bad write fails loudly at the database;
--   * enums are CHECK constraints that mirror the zod enums in src/lib/core/protocol.ts.

CREATE TABLE users (
	id TEXT PRIMARY KEY,
	email TEXT NOT NULL UNIQUE, -- stored lower-cased by the Worker
	display_name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('researcher', 'data_engineer', 'ai_architect', 'observer')),
	-- Reserved for per-user overrides of the role matrix (worker/src/auth/permissions.ts); not consulted yet.
	permissions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(permissions)),
	-- PBKDF2-HMAC-SHA256, hex encoded; iterations stored per row so the cost can be raised later.
	password_hash TEXT NOT NULL,
	password_salt TEXT NOT NULL,
	password_iterations INTEGER NOT NULL CHECK (password_iterations > 0),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE experiments (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	description TEXT,
	status TEXT NOT NULL DEFAULT 'created'
		CHECK (status IN ('created', 'running', 'completed', 'failed', 'paused')),
	model_config TEXT NOT NULL CHECK (json_valid(model_config)),
	data_config TEXT NOT NULL CHECK (json_valid(data_config)),
	training_config TEXT NOT NULL CHECK (json_valid(training_config)),
	backtest_config TEXT CHECK (backtest_config IS NULL OR json_valid(backtest_config)),
	results TEXT CHECK (results IS NULL OR json_valid(results)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
-- "My experiments, newest first" (with and without a status filter); id breaks created_at ties.
CREATE INDEX experiments_owner_created ON experiments (owner_id, created_at DESC, id DESC);
CREATE INDEX experiments_owner_status_created ON experiments (owner_id, status, created_at DESC, id DESC);

CREATE TABLE models (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	experiment_id TEXT REFERENCES experiments (id) ON DELETE SET NULL,
	name TEXT NOT NULL,
	description TEXT,
	model_type TEXT NOT NULL,
	architecture TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(architecture)),
	hyperparameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(hyperparameters)),
	status TEXT NOT NULL DEFAULT 'training'
		CHECK (status IN ('training', 'trained', 'deployed', 'archived')),
	best_score REAL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX models_owner_created ON models (owner_id, created_at DESC, id DESC);
CREATE INDEX models_owner_status ON models (owner_id, status);

CREATE TABLE model_versions (
	id TEXT PRIMARY KEY,
	model_id TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
	version INTEGER NOT NULL CHECK (version >= 1),
	artifact_key TEXT, -- R2 object key in the ARTIFACTS bucket
	metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
	performance_score REAL,
	created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	UNIQUE (model_id, version)
);

CREATE TABLE experiment_runs (
	id TEXT PRIMARY KEY,
	experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
	parameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
	status TEXT NOT NULL DEFAULT 'running'
		CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
	results TEXT CHECK (results IS NULL OR json_valid(results)),
	started_at TEXT NOT NULL,
	finished_at TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX experiment_runs_experiment_created ON experiment_runs (experiment_id, created_at DESC);
CREATE INDEX experiment_runs_status ON experiment_runs (status);

CREATE TABLE data_sources (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	source_type TEXT NOT NULL CHECK (source_type IN ('websocket', 'file', 'rest_api')),
	connection_config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(connection_config)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX data_sources_owner_created ON data_sources (owner_id, created_at DESC);

CREATE TABLE battle_sessions (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	models_tested TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(models_tested)), -- array of model ids
	duration_seconds INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
	data_source_id TEXT REFERENCES data_sources (id) ON DELETE SET NULL,
	risk_limits TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(risk_limits)),
	status TEXT NOT NULL DEFAULT 'active'
		CHECK (status IN ('active', 'paused', 'completed', 'cancelled')),
	results TEXT CHECK (results IS NULL OR json_valid(results)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX battle_sessions_owner_created ON battle_sessions (owner_id, created_at DESC, id DESC);
CREATE INDEX battle_sessions_owner_status ON battle_sessions (owner_id, status);

-- One row per (subject, metric, step): runs log losses per epoch, battles log live P&L, models log
-- evaluation scores. Exactly which subject is set depends on who logged it.
CREATE TABLE performance_metrics (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	experiment_id TEXT REFERENCES experiments (id) ON DELETE CASCADE,
	run_id TEXT REFERENCES experiment_runs (id) ON DELETE CASCADE,
	model_id TEXT REFERENCES models (id) ON DELETE CASCADE,
	battle_session_id TEXT REFERENCES battle_sessions (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	value REAL NOT NULL,
	step INTEGER NOT NULL DEFAULT 0,
	recorded_at TEXT NOT NULL,
	CHECK (coalesce(experiment_id, run_id, model_id, battle_session_id) IS NOT NULL)
);
CREATE INDEX performance_metrics_run ON performance_metrics (run_id, name, step);
CREATE INDEX performance_metrics_experiment ON performance_metrics (experiment_id, name, step);
CREATE INDEX performance_metrics_model ON performance_metrics (model_id, name, step);
CREATE INDEX performance_metrics_battle ON performance_metrics (battle_session_id, name, step);

CREATE TABLE feature_sets (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	data_source_id TEXT REFERENCES data_sources (id) ON DELETE SET NULL,
	name TEXT NOT NULL,
	description TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX feature_sets_owner_created ON feature_sets (owner_id, created_at DESC);

CREATE TABLE features (
	id TEXT PRIMARY KEY,
	feature_set_id TEXT NOT NULL REFERENCES feature_sets (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	transformation_config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(transformation_config)),
	importance_score REAL,
	created_at TEXT NOT NULL,
	UNIQUE (feature_set_id, name)
);

-- Who did what to which thing, from where. No foreign key on actor_id: the log outlives the users it
-- mentions. Rows are only ever inserted.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	actor_id TEXT,
	action TEXT NOT NULL,
	target_type TEXT,
	target_id TEXT,
	ip TEXT,
	details TEXT CHECK (details IS NULL OR json_valid(details)),
	created_at TEXT NOT NULL
);
CREATE INDEX audit_log_actor_created ON audit_log (actor_id, created_at DESC);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

-- The secret is shown once; only its SHA-256 is kept. key_prefix lets a user recognise a key.
CREATE TABLE api_keys (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	key_prefix TEXT NOT NULL,
	key_hash TEXT NOT NULL UNIQUE,
	scopes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
	created_at TEXT NOT NULL,
	last_used_at TEXT,
	expires_at TEXT,
	revoked_at TEXT
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at DESC);

-- Read-only links to one object; like api_keys, only the token's hash is stored.
CREATE TABLE share_links (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	target_type TEXT NOT NULL CHECK (target_type IN ('experiment', 'model', 'battle_session')),
	target_id TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT,
	revoked_at TEXT
);
CREATE INDEX share_links_owner ON share_links (owner_id, created_at DESC);
CREATE INDEX share_links_target ON share_links (target_type, target_id);

-- Work handed to GPU runners: queued -> leased (lease_owner, lease_expires_at) -> running -> done.
CREATE TABLE jobs (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	experiment_id TEXT REFERENCES experiments (id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
	status TEXT NOT NULL DEFAULT 'queued'
		CHECK (status IN ('queued', 'leased', 'running', 'completed', 'failed', 'cancelled')),
	lease_owner TEXT,
	lease_expires_at TEXT,
	attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	result TEXT CHECK (result IS NULL OR json_valid(result)),
	error TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX jobs_status_created ON jobs (status, created_at);
CREATE INDEX jobs_owner_created ON jobs (owner_id, created_at DESC);
