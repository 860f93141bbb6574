package dev.teamsproactive.auth;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import dev.teamsproactive.tls.SandboxTls;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * An msal4j HTTP client that sends every request to the sandbox, whatever host the authority names.
 *
 * <p>Why: msal4j 1.26.1 files a token in its cache under the authority's host without the port, but
 * looks it up under host and port, so with {@code https://127.0.0.1:PORT/...} as authority it never
 * serves a token from its cache. A port-less authority host routed here keeps the cache working.
 */
public final class SandboxRoutedMsalHttpClient implements IHttpClient {
    /** A name that never resolves (RFC 2606): only this client can reach it. */
    public static final String AUTHORITY_HOST = "login.sandbox.invalid";
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private final URI sandbox;
    private final HttpClient http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext())
            .connectTimeout(Duration.ofSeconds(10)).build();

    public SandboxRoutedMsalHttpClient(String sandboxUrl) {
        this.sandbox = URI.create(sandboxUrl);
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URL url = request.url();
        URI target = new URI(sandbox.getScheme(), null, sandbox.getHost(), sandbox.getPort(), url.getPath(), url.getQuery(), null);
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    b.header(name, value);
                }
            });
        }
        switch (request.httpMethod()) {
            case GET -> b.GET();
            case POST -> b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body()));
            default -> throw new UnsupportedOperationException("msal4j sent " + request.httpMethod());
        }
        java.net.http.HttpResponse<String> r = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        HttpResponse answer = new HttpResponse().statusCode(r.statusCode()).body(r.body());
        answer.addHeaders(r.headers().map());
        return answer;
    }
}
