package dev.teamsproactive.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Checks a certificate credential: a client assertion, i.e. a JWT signed with the key of the certificate
 * registered on the app ({@code app.certificate} in the seed), as msal4j's {@code createFromCertificate}
 * sends it. What Entra ID checks, the sandbox checks: signature, {@code iss} and {@code sub} equal to the
 * client id, {@code aud} the token endpoint, and the validity window.
 */
final class ClientAssertions {
    /** Clock skew allowed on exp and nbf, as identity providers commonly allow. */
    private static final long SKEW_SECONDS = 300;
    private final PublicKey key;

    private ClientAssertions(PublicKey key) {
        this.key = key;
    }

    /** The checker for a PEM certificate; none when the app has no certificate. */
    static Optional<ClientAssertions> of(String pemCertificate) {
        if (pemCertificate == null || pemCertificate.isBlank()) {
            return Optional.empty();
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemCertificate.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(new ClientAssertions(cert.getPublicKey()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("app.certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Empty when the assertion is good; otherwise what is wrong with it, for the AADSTS description. */
    Optional<String> problem(String assertion, String clientId, String tenantInPath) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.of("the client assertion is not a signed JWT");
        }
        try {
            if (!jwt.verify(verifier())) {
                return Optional.of("the client assertion's signature does not match the certificate registered on the app");
            }
        } catch (JOSEException e) {
            return Optional.of("the client assertion's signature cannot be checked with the registered certificate ("
                    + jwt.getHeader().getAlgorithm() + ")");
        }
        if (!clientId.equalsIgnoreCase(claims.getIssuer()) || !clientId.equalsIgnoreCase(claims.getSubject())) {
            return Optional.of("the client assertion's iss and sub must both be the client id");
        }
        if (claims.getAudience().stream().noneMatch(aud -> isTokenEndpoint(aud, tenantInPath))) {
            return Optional.of("the client assertion's aud must be the token endpoint, " + "https://…/" + tenantInPath
                    + "/oauth2/v2.0/token");
        }
        Instant now = Instant.now();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plusSeconds(SKEW_SECONDS).isBefore(now)) {
            return Optional.of("the client assertion has expired (or has no exp)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minusSeconds(SKEW_SECONDS).isAfter(now)) {
            return Optional.of("the client assertion is not valid yet (nbf)");
        }
        return Optional.empty();
    }

    private JWSVerifier verifier() throws JOSEException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        throw new JOSEException("unsupported key type " + key.getAlgorithm());
    }

    /** The token endpoint under whatever host name the client reached the sandbox by. */
    private static boolean isTokenEndpoint(String aud, String tenantInPath) {
        try {
            String path = URI.create(aud).getPath();
            return path != null && path.equalsIgnoreCase("/" + tenantInPath + "/oauth2/v2.0/token");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
