-- How each recipient was matched: 'id' (an object id), 'upn', 'mail' or 'proxyAddress' (an alias), null
-- when it was not (invalid, not found). The report's resolvedBy column comes from here.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE deliveries ADD COLUMN resolved_by VARCHAR(16);
