package dev.teamsproactive.props;

/** Exchange properties of campaigns that name an audience; the YAML routes spell the same names. */
public final class AudienceProps {
    /** True for a dry run: everything is resolved and rendered, nothing installed or sent. */
    public static final String DRY_RUN = "dryRun";
    /** The audience's kind: users, file, group, team, channel, allUsers. */
    public static final String AUDIENCE = "audience";
    public static final String AUDIENCE_ID = "audienceId";
    public static final String AUDIENCE_FILTER = "audienceFilter";
    public static final String AUDIENCE_CHANNEL = "audienceChannel";
    /** The paging loop: the URL of the next page (null after the last), how many users so far. */
    public static final String PAGE_URL = "pageUrl";
    public static final String PAGE_QUERY = "pageQuery";
    public static final String AUDIENCE_COUNT = "audienceCount";

    private AudienceProps() {
    }
}
