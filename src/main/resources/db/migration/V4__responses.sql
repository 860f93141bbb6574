-- Answers from recipients: Action.Execute presses, Action.Submit inputs and free-text replies, one row per
-- campaign, user and action. The first answer holds the row (first-wins): Teams' retries and replays of the same
-- invoke, and later presses of the same button, record nothing new. campaign_id is the id the card's data carried
-- ('' for a reply that names none); standing says whether the user was a SENT recipient of a known campaign
-- (RECIPIENT), was not (NOT_RECIPIENT), or the campaign is unknown (UNKNOWN_CAMPAIGN).
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL.

CREATE TABLE responses (
    campaign_id   VARCHAR(128)  NOT NULL,
    user_id       VARCHAR(256)  NOT NULL,
    action        VARCHAR(256)  NOT NULL,
    answer_values VARCHAR(8192) NOT NULL,
    activity_id   VARCHAR(512),
    standing      VARCHAR(16)   NOT NULL,
    responded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT responses_pk PRIMARY KEY (campaign_id, user_id, action),
    CONSTRAINT responses_standing_check CHECK (standing IN ('RECIPIENT', 'NOT_RECIPIENT', 'UNKNOWN_CAMPAIGN'))
);

-- A card action names the message it answers (its replyToId): the campaign is found from it.
CREATE INDEX deliveries_activity_idx ON deliveries (activity_id);
