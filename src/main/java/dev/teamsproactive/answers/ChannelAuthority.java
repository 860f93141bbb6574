package dev.teamsproactive.answers;

import dev.teamsproactive.config.Target;

/**
 * Who signs what the channel sends the bot: the OpenID metadata naming the signing keys, the tokens' issuer, and the
 * audience they must carry (the bot's app id). Microsoft's Bot Framework for the target's cloud, or the sandbox's own.
 */
public record ChannelAuthority(String openIdMetadataUrl, String issuer, String botAppId) {
    /** The sandbox's metadata path; its tokens carry the commercial Bot Framework issuer, as Teams' do. */
    static final String SANDBOX_OPENID_PATH = "/_sandbox/openid";

    public static ChannelAuthority of(Target target) {
        String botAppId = target.credentials().botAppId();
        if (target.sandbox()) {
            return new ChannelAuthority(target.graph() + SANDBOX_OPENID_PATH, target.cloud().botIssuer(), botAppId);
        }
        return new ChannelAuthority(target.cloud().botOpenIdMetadata(), target.cloud().botIssuer(), botAppId);
    }
}
