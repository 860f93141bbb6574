package dev.teamsproactive.sandbox.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The sandbox tenant file (the {@code --seed} JSON), read as is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Seed(String tenantId, App app, List<String> grantedRoles, List<User> users, List<Group> groups,
        List<Team> teams) {

    public static final String DEFAULT_RESOURCE = "/defaults/config/sandbox/tenant.json";

    public Seed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(app, "app");
        grantedRoles = grantedRoles == null ? List.of() : List.copyOf(grantedRoles);
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /**
     * The app registration. {@code certificate} (optional) is a PEM X.509 certificate whose key may sign client
     * assertions instead of the secret; at least one of the two is needed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(String externalId, String catalogId, String botAppId, String displayName, String clientId,
            String clientSecret, String distributionMethod, String certificate) {
        public App {
            Objects.requireNonNull(externalId, "app.externalId");
            Objects.requireNonNull(clientId, "app.clientId");
            if (certificate == null) {
                Objects.requireNonNull(clientSecret, "app.clientSecret");
            } else {
                checkCertificate(certificate);
            }
            catalogId = catalogId == null ? externalId : catalogId;
            botAppId = botAppId == null ? clientId : botAppId;
            displayName = displayName == null ? "Sandbox app" : displayName;
            distributionMethod = distributionMethod == null ? "organization" : distributionMethod;
        }

        private static void checkCertificate(String pem) {
            try {
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalArgumentException("app.certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
            }
        }

        /** An app with a secret only (the form before {@code certificate} existed). */
        public App(String externalId, String catalogId, String botAppId, String displayName, String clientId,
                String clientSecret, String distributionMethod) {
            this(externalId, catalogId, botAppId, displayName, clientId, clientSecret, distributionMethod, null);
        }
    }

    /**
     * A seeded user. {@code proxyAddresses} are as Graph lists them ({@code SMTP:} the primary address,
     * {@code smtp:} an alias); when the seed leaves them out, a user with a mail address has {@code SMTP:<mail>},
     * as a mailbox does.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String userPrincipalName, String mail, String displayName, boolean installed,
            String behavior, Boolean accountEnabled, String userType, List<String> proxyAddresses) {
        public User {
            Objects.requireNonNull(id, "users[].id");
            Objects.requireNonNull(userPrincipalName, "users[].userPrincipalName");
            behavior = behavior == null ? "normal" : behavior;
            accountEnabled = accountEnabled == null ? Boolean.TRUE : accountEnabled;
            userType = userType == null ? "Member" : userType;
            proxyAddresses = proxyAddresses != null ? List.copyOf(proxyAddresses)
                    : mail != null ? List.of("SMTP:" + mail) : List.of();
            Behavior.parse(behavior);
        }

        public User(String id, String userPrincipalName, String mail, String displayName, boolean installed,
                String behavior, Boolean accountEnabled, String userType) {
            this(id, userPrincipalName, mail, displayName, installed, behavior, accountEnabled, userType, null);
        }

        public Behavior behaviorValue() {
            return Behavior.parse(behavior);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String id, String displayName, List<String> members) {
        public Group {
            Objects.requireNonNull(id, "groups[].id");
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(String id, String displayName, List<String> members, List<Channel> channels) {
        public Team {
            Objects.requireNonNull(id, "teams[].id");
            members = members == null ? List.of() : List.copyOf(members);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String id, String displayName) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static Seed read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readValue(in, Seed.class);
        }
    }

    /** The documented default tenant, packaged in the jar from config/sandbox/tenant.json. */
    public static Seed defaultTenant() throws IOException {
        try (InputStream in = Seed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("The default sandbox tenant " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return MAPPER.readValue(in, Seed.class);
        }
    }
}
