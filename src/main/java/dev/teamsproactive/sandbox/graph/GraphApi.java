package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.http.Api;

/** Microsoft Graph v1.0: the calls of teams-platform-facts.md section 1. */
public final class GraphApi {
    public void register(Api api) {
        // TODO(issue 2): the Graph endpoints.
    }
}
