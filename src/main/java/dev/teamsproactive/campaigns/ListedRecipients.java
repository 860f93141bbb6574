package dev.teamsproactive.campaigns;

import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientKey;
import dev.teamsproactive.recipients.RecipientStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A campaign's listed users, or its recipients file, as rows that also carry the campaign's variables. */
final class ListedRecipients implements RecipientStream {
    private final Iterator<Recipient> rows;
    private final Map<String, String> campaignVariables;
    private final AutoCloseable source;
    private final String column;

    private ListedRecipients(Iterator<Recipient> rows, Map<String, String> campaignVariables, AutoCloseable source,
            String column) {
        this.rows = rows;
        this.campaignVariables = campaignVariables;
        this.source = source;
        this.column = column;
    }

    /** Users named in the campaign (object ids, UPNs or mail addresses), lines numbered from 1. */
    static ListedRecipients of(List<String> users, Map<String, String> campaignVariables) {
        Iterator<String> names = users.iterator();
        Iterator<Recipient> rows = new Iterator<>() {
            private int line;

            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public Recipient next() {
                String user = names.next();
                return new Recipient(++line, user, RecipientKey.fromColumn("id", user),
                        Map.of(AudienceCampaigns.LISTED_USER_COLUMN, user));
            }
        };
        return new ListedRecipients(rows, campaignVariables, null, AudienceCampaigns.LISTED_USER_COLUMN);
    }

    static ListedRecipients withVariables(RecipientStream file, Map<String, String> campaignVariables) {
        return new ListedRecipients(file, campaignVariables, file, null);
    }

    /** The campaign's variables first; a recipient's own column of the same name wins. */
    static Map<String, String> merged(Map<String, String> campaignVariables, Map<String, String> own) {
        Map<String, String> variables = new LinkedHashMap<>(campaignVariables);
        variables.putAll(own);
        return variables;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Recipient next() {
        Recipient r = rows.next();
        return new Recipient(r.line(), r.raw(), r.key(), merged(campaignVariables, r.variables()));
    }

    @Override
    public String recipientColumn() {
        return column != null ? column : ((RecipientStream) source).recipientColumn();
    }

    @Override
    public void close() {
        if (source != null) {
            try {
                source.close();
            } catch (Exception ignored) {
                // Only reading happened.
            }
        }
    }
}
