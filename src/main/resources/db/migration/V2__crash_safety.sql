-- Crash safety. A row is marked SENDING just before its message is posted and gets its final status right
-- after, so a run that dies in between leaves SENDING rows, which the next run marks IN_DOUBT (never resent
-- on their own). A campaign is worked on by one run at a time: the run holding its lease (owner + expiry),
-- renewed while it runs and taken over once it lapses or its holder is gone.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'IN_DOUBT', 'SKIPPED'));

ALTER TABLE campaigns ADD COLUMN lease_owner VARCHAR(256);
ALTER TABLE campaigns ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
