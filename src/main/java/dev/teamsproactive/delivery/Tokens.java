package dev.teamsproactive.delivery;

import dev.teamsproactive.auth.TokenProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The {@code Authorization} header of each call, from msal4j: {@code tokens?method=graph} and
 * {@code tokens?method=bot} in the routes. After a 401 the error policy calls {@link #process}, which puts a
 * newly issued token of the same kind on the message before the one retry.
 */
public final class Tokens implements Processor {
    private static final String TOKEN_FOR = "tokenFor";
    private final TokenProvider graph;
    private final TokenProvider bot;

    public Tokens(TokenProvider graph, TokenProvider bot) {
        this.graph = graph;
        this.bot = bot;
    }

    public String graph(Exchange exchange) {
        exchange.setProperty(TOKEN_FOR, "graph");
        return graph.authorization();
    }

    public String bot(Exchange exchange) {
        exchange.setProperty(TOKEN_FOR, "bot");
        return bot.authorization();
    }

    /** The onRedelivery step of the 401 rule. */
    @Override
    public void process(Exchange exchange) {
        TokenProvider provider = "bot".equals(exchange.getProperty(TOKEN_FOR)) ? bot : graph;
        exchange.getIn().setHeader("Authorization", provider.refreshedAuthorization());
    }
}
