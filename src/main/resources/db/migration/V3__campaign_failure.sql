-- A campaign that failed as a whole (a group that answers 404, a preflight that failed) ends FAILED, with its
-- reason, instead of staying RUNNING; dropped again, it runs again. Its duration counts only the time runs worked
-- on it (run_ms, plus the current run since run_started_at), not the downtime between a stop and the next start.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_check CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED'));
ALTER TABLE campaigns ADD COLUMN failure VARCHAR(1024);
ALTER TABLE campaigns ADD COLUMN run_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE campaigns ADD COLUMN run_started_at TIMESTAMP WITH TIME ZONE;
