-- The campaign ledger: which recipient of which campaign got what, so a file dropped twice sends
-- nothing new, a user is messaged at most once per campaign, and reports come from here alone.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL (both are tested).

CREATE TABLE campaigns (
    id          VARCHAR(128)  NOT NULL,
    source      VARCHAR(1024) NOT NULL,
    template    VARCHAR(256),
    total       BIGINT        NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    throttled   BIGINT        NOT NULL DEFAULT 0,
    -- Rows that reached a final status, kept up to date with each outcome so that
    -- "is the campaign complete?" reads one row instead of counting every delivery.
    done_rows   BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT campaigns_pk PRIMARY KEY (id),
    CONSTRAINT campaigns_status_check CHECK (status IN ('RUNNING', 'FINISHED'))
);

-- One row per recipient row of a campaign's source (line = its position in the file).
CREATE TABLE deliveries (
    campaign_id     VARCHAR(128)  NOT NULL,
    line            INTEGER       NOT NULL,
    recipient       VARCHAR(1024) NOT NULL,
    user_id         VARCHAR(256),
    status          VARCHAR(16)   NOT NULL,
    code            VARCHAR(128),
    detail          VARCHAR(2048),
    conversation_id VARCHAR(512),
    activity_id     VARCHAR(512),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deliveries_pk PRIMARY KEY (campaign_id, line),
    CONSTRAINT deliveries_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
    CONSTRAINT deliveries_status_check
        CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'IN_DOUBT', 'SKIPPED'))
);

-- The uniqueness rule "one resolved user is delivered at most once per campaign": the first line
-- that resolves to a user holds it; any other line resolving to the same user is a duplicate.
-- A table of its own (not a unique index on deliveries.user_id) so the duplicate rows can still
-- show their resolved user in the report.
CREATE TABLE campaign_user_claims (
    campaign_id VARCHAR(128) NOT NULL,
    user_id     VARCHAR(256) NOT NULL,
    line        INTEGER      NOT NULL,
    CONSTRAINT campaign_user_claims_pk PRIMARY KEY (campaign_id, user_id),
    CONSTRAINT campaign_user_claims_delivery_fk
        FOREIGN KEY (campaign_id, line) REFERENCES deliveries (campaign_id, line)
);

-- The Bot Connector conversation of a user, so later campaigns skip install and chat lookups.
CREATE TABLE conversation_cache (
    tenant_id       VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(256) NOT NULL,
    installation_id VARCHAR(512),
    chat_id         VARCHAR(512) NOT NULL,
    service_url     VARCHAR(1024),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_cache_pk PRIMARY KEY (tenant_id, user_id)
);
