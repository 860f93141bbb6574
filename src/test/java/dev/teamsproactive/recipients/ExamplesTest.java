package dev.teamsproactive.recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.message.MessageTemplates;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.teamsproactive.recipients.TestFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The shipped examples do what the README promises on the built-in sandbox tenant. */
class ExamplesTest {

    private static final Path RECIPIENTS = Path.of("examples/recipients.csv");
    private static final Path MIXED = Path.of("examples/mixed.csv");

    @Test
    void theFirstRunExampleReachesOnlyOrdinaryUsersOfTheSandboxTenant() throws IOException {
        JsonNode users = new ObjectMapper().readTree(Path.of("config/sandbox/tenant.json").toFile()).path("users");

        List<Recipient> rows = readAll(RECIPIENTS);

        assertThat(rows).hasSizeBetween(6, 12);
        assertThat(rows).extracting(r -> r.key().kind()).contains(RecipientKey.Kind.OBJECT_ID, RecipientKey.Kind.UPN, RecipientKey.Kind.MAIL);
        for (Recipient row : rows) {
            JsonNode user = userFor(users, row.key());
            assertThat(user).as("sandbox user for line %d (%s)", row.line(), row.raw()).isNotNull();
            assertThat(user.path("behavior").asText()).as("behaviour of %s", row.raw()).isEqualTo("normal");
            assertThat(user.path("accountEnabled").asBoolean(true)).isTrue();
        }
    }

    @Test
    void theShippedTemplatesFitTheFirstRunExample() {
        RecipientFileSummary summary = RecipientFile.validate(RECIPIENTS);
        MessageTemplates templates = new MessageTemplates(Path.of("config/messages"));

        assertThat(summary.invalid()).isZero();
        assertThatCode(() -> templates.load("default").validate(summary.columns())).doesNotThrowAnyException();
        assertThatCode(() -> templates.load("notice").validate(summary.columns())).doesNotThrowAnyException();
    }

    @Test
    void theMixedExampleFlagsExactlyTheRowsItSaysAreInvalid() {
        for (Recipient row : readAll(MIXED)) {
            boolean saysInvalid = row.variables().get("expected").contains("InvalidRecipient");
            assertThat(row.key().isValid()).as("line %d: %s", row.line(), row.variables().get("expected")).isEqualTo(!saysInvalid);
        }
    }

    private static JsonNode userFor(JsonNode users, RecipientKey key) {
        String field = switch (key.kind()) {
            case OBJECT_ID -> "id";
            case UPN -> "userPrincipalName";
            case MAIL -> "mail";
            case INVALID -> throw new AssertionError("invalid key: " + key);
        };
        for (JsonNode user : users) {
            if (user.path(field).asText().toLowerCase(Locale.ROOT).equals(key.value().toLowerCase(Locale.ROOT))) {
                return user;
            }
        }
        return null;
    }
}
