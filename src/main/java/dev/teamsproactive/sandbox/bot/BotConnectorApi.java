package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.http.Api;

/** The Teams Bot Connector v3: create conversation, send, update and delete activities. */
public final class BotConnectorApi {
    public void register(Api api) {
        // TODO(issue 2): the Bot Connector endpoints.
    }
}
