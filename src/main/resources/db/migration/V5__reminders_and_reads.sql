-- Reminders and read receipts.
-- campaigns.reminder_of: a reminder (`remind`, or a campaign file's `reminder:`) is a campaign of its own whose
-- recipients are the SENT recipients of another campaign who did not answer; this names that campaign, so an answer
-- to the reminder's card counts for the campaign it reminds of.
-- deliveries.read_at: when Teams first told the bot (a read receipt) that the recipient read the message; the
-- first read wins.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE campaigns ADD COLUMN reminder_of VARCHAR(128);
ALTER TABLE deliveries ADD COLUMN read_at TIMESTAMP WITH TIME ZONE;
-- A read receipt names the chat: its SENT messages are found by conversation.
CREATE INDEX deliveries_conversation_idx ON deliveries (conversation_id);
