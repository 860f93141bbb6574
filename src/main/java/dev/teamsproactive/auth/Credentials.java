package dev.teamsproactive.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An app registration's proof of identity for msal4j: a client secret, or a certificate (PKCS#12 file). */
public final class Credentials {
    private Credentials() {
    }

    /** The certificate when one is given (it is the stronger credential), else the secret. */
    public static IClientCredential of(String secret, Path certificate, String certificatePassword) {
        if (certificate == null) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("Neither a client secret nor a certificate is configured");
            }
            return ClientCredentialFactory.createFromSecret(secret);
        }
        try (InputStream in = Files.newInputStream(certificate)) {
            return ClientCredentialFactory.createFromCertificate(in, certificatePassword == null ? "" : certificatePassword);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the client certificate " + certificate.toAbsolutePath()
                    + " (a PKCS#12 file with its private key): " + e.getMessage(), e);
        }
    }
}
