-- Migration 0005: battle sessions (issue #6).
-- The seed model's battle_sessions row has no place for how a session was run (dataset, walk-forward
-- windows, execution model); `config` holds that, as JSON validated by BattleConfigDoc in
-- src/lib/core/protocol/battles.ts. Existing rows get '{}'. Append-only: never edit this file.
ALTER TABLE battle_sessions ADD COLUMN config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config));
