-- A campaign that failed as a whole (a group that answers 404, a preflight that failed) ends FAILED, with its
-- reason, instead of staying RUNNING; dropped again, it runs again.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_check CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED'));
ALTER TABLE campaigns ADD COLUMN failure VARCHAR(1024);
