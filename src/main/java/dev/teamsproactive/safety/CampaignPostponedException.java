package dev.teamsproactive.safety;

/**
 * The campaign did not run to its end now and is taken up again later: the service is stopping (the
 * recipients already started were recorded; the rest stay to do), or another run holds the campaign. A
 * dropped file stays in the inbox; the ledger knows where the campaign stands.
 */
public class CampaignPostponedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CampaignPostponedException(String message) {
        super(message);
    }
}
