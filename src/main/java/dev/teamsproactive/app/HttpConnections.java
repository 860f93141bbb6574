package dev.teamsproactive.app;

import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.ssl.SSLContexts;

/**
 * One pool of keep-alive connections for every HTTP step. Without it, camel-http gives each endpoint its own pool,
 * and a {@code toD} whose URL names the recipient (the bot-send's serviceUrl and chat id) makes a new endpoint per
 * recipient: a new TLS handshake per call, which bounded the engine at about 100 recipients a second.
 */
final class HttpConnections {
    static final String BEAN = "httpConnections";

    private HttpConnections() {
    }

    /**
     * @param trust the sandbox's TLS context, or null for the JDK's own trust (Microsoft's endpoints)
     */
    static PoolingHttpClientConnectionManager create(SSLContext trust, int maxTotal, int perRoute) {
        SSLContext tls = trust != null ? trust : SSLContexts.createSystemDefault();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create().setSslContext(tls).build())
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(perRoute)
                // Leasing and releasing without one pool-wide lock: dozens of workers share this pool.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .build();
    }
}
