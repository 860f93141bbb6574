package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.recipients.RecipientKey.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.teamsproactive.recipients.TestFiles.readAll;
import static dev.teamsproactive.recipients.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

class JsonRecipientsTest {

    @TempDir
    Path dir;

    private RejectedInputException rejected(Path file) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> RecipientFile.validate(file));
        assertThat(e).as("validate(%s) rejects it", file.getFileName()).isNotNull();
        assertThat(e.file()).isEqualTo(file.toString());
        return e;
    }

    @Test
    void anArrayOfObjectsWithValuesTurnedIntoText() {
        Path file = write(dir, "people.json", """
                [
                  {"id": "1569D944-27FD-5601-9416-3E3519EEF744", "name": "Ada", "age": 36, "vip": true, "team": null},
                  {
                    "mail": "o'brien@contoso.example", "name": "Siobhan \\"Shiv\\" O'Brien"
                  }
                ]
                """);

        RecipientFileSummary summary = RecipientFile.validate(file);
        List<Recipient> rows = readAll(file);

        assertThat(summary.format()).isEqualTo(RecipientFormat.JSON);
        assertThat(summary.recipientColumn()).isEqualTo("id");
        assertThat(summary.columns()).containsExactly("id", "name", "age", "vip", "team", "mail");
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.template()).isNull();
        assertThat(rows).extracting(Recipient::line).containsExactly(2, 3);
        assertThat(rows.get(0).variables()).containsExactly(entry("id", "1569D944-27FD-5601-9416-3E3519EEF744"),
                entry("name", "Ada"), entry("age", "36"), entry("vip", "true"), entry("team", ""));
        assertThat(rows.get(0).key().value()).isEqualTo("1569d944-27fd-5601-9416-3e3519eef744");
        assertThat(rows.get(0).raw()).isEqualTo("1569D944-27FD-5601-9416-3E3519EEF744");
        assertThat(rows.get(1).key().kind()).isEqualTo(Kind.MAIL);
        assertThat(rows.get(1).variables()).containsEntry("name", "Siobhan \"Shiv\" O'Brien");
    }

    @Test
    void aCampaignObjectNamesItsTemplateBeforeOrAfterTheRecipients() {
        Path before = write(dir, "before.json", "{\"template\":\"notice\",\"recipients\":[{\"upn\":\"ada@contoso.example\"}]}");
        Path after = write(dir, "after.json", "{\"recipients\":[{\"upn\":\"ada@contoso.example\"}],\"note\":{\"x\":[1]},\"template\":\"notice\"}");

        assertThat(RecipientFile.validate(before).template()).isEqualTo("notice");
        assertThat(RecipientFile.validate(after).template()).isEqualTo("notice");
        assertThat(readAll(after)).extracting(r -> r.key().value()).containsExactly("ada@contoso.example");
    }

    @Test
    void badElementsAreRowsWithAnInvalidKey() {
        Path file = write(dir, "odd.json", """
                [
                  "ada@contoso.example",
                  {"upn": "grace@contoso.example", "tags": ["a"]},
                  {"name": "Nobody"},
                  {"upn": "a/b@contoso.example"},
                  {"upn": "alan@contoso.example"}
                ]
                """);

        List<Recipient> rows = readAll(file);

        assertThat(rows).extracting(Recipient::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(rows).extracting(r -> r.key().code())
                .containsExactly("MalformedRow", "MalformedRow", "InvalidRecipient", "InvalidRecipient", null);
        assertThat(rows.get(0).key().problem()).contains("must be an object").contains("not a string");
        assertThat(rows.get(1).key().problem()).contains("\"tags\" is an array");
        assertThat(rows.get(2).key().problem()).contains("none of the keys id, userPrincipalName, upn, mail, email");
        assertThat(RecipientFile.validate(file).invalid()).isEqualTo(4);
    }

    @Test
    void eachObjectUsesTheMostPreferredRecipientKeyItFills() {
        Path file = write(dir, "mixed.json", "[{\"id\":\"\",\"mail\":\"marie.keller@contoso.example\"},{\"upn\":\"ada@contoso.example\",\"mail\":\"x@y.z\"}]");

        assertThat(readAll(file)).extracting(r -> r.key().value())
                .containsExactly("marie.keller@contoso.example", "ada@contoso.example");
    }

    @Test
    void anUnknownExtensionStartingWithABracketIsJson() {
        Path file = write(dir, "list", "  [{\"upn\":\"ada@contoso.example\"}]");

        assertThat(RecipientFile.validate(file).formatNote())
                .isEqualTo("JSON (assumed: no .csv or .json extension, and it starts with '[')");
    }

    @Test
    void invalidJsonNamesItsLine() {
        RejectedInputException e = rejected(write(dir, "broken.json",
                "[\n  {\"upn\": \"ada@contoso.example\"},\n  {\"upn\": \"grace@contoso.example\"\n]\n"));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("invalid JSON: Unexpected close marker ']'");
    }

    @Test
    void aParseErrorQuotesOnlyAFewCharactersOfTheFile() {
        RejectedInputException e = rejected(write(dir, "env.json", "[teamsClientSecretOutsideSecret4711]\n"));

        assertThat(e.reason()).startsWith("invalid JSON: Unrecognized token").doesNotContain("OutsideSecret4711");
    }

    @Test
    void truncatedJson() {
        RejectedInputException e = rejected(write(dir, "cut.json", "[\n{\"upn\": \"ada@contoso.example\"},\n{\"upn\": \"gr"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("invalid JSON");
    }

    @Test
    void anObjectWithoutRecipients() {
        RejectedInputException e = rejected(write(dir, "campaign.json", "{\"template\":\"notice\",\"people\":[]}"));

        assertThat(e.reason()).isEqualTo("the JSON object has no \"recipients\" array");
    }

    @Test
    void noRecipientsAtAll() {
        assertThat(rejected(write(dir, "none.json", "[]")).reason())
                .isEqualTo("no recipients: the recipients array is empty");
        assertThat(rejected(write(dir, "none2.json", "{\"recipients\":[]}")).reason())
                .isEqualTo("no recipients: the recipients array is empty");
    }

    @Test
    void noObjectNamesARecipient() {
        assertThat(rejected(write(dir, "names.json", "[{\"name\":\"Ada\"},{\"name\":\"Grace\"}]")).reason())
                .isEqualTo("no recipient key: each object needs one of id, userPrincipalName, upn, mail, email");
    }

    @Test
    void wrongShapes() {
        assertThat(rejected(write(dir, "string.json", "\"ada@contoso.example\"")).reason())
                .startsWith("a JSON recipients file is an array of objects");
        assertThat(rejected(write(dir, "recipients-object.json", "{\"recipients\":{\"upn\":\"a@b.c\"}}")).reason())
                .isEqualTo("\"recipients\" must be an array of objects");
        assertThat(rejected(write(dir, "template-number.json", "{\"template\":3,\"recipients\":[]}")).reason())
                .startsWith("\"template\" must be the name");
        RejectedInputException trailing = rejected(write(dir, "two.json", "[{\"upn\":\"a@b.c\"}]\n[]"));
        assertThat(trailing.line()).isEqualTo(2);
        assertThat(trailing.reason()).contains("after the end of the JSON value");
    }

    @Test
    void aDuplicateKeyIsMalformed() {
        RejectedInputException e = rejected(write(dir, "dup.json", "[\n{\"upn\":\"a@b.c\",\n\"upn\":\"x@b.c\"}]"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("Duplicate field 'upn'");
    }

    @Test
    void aTenMegabyteValueIsRefusedWithoutBufferingIt() {
        String huge = "x".repeat(10 * 1024 * 1024);
        RejectedInputException e = rejected(write(dir, "huge.json",
                "[\n{\"upn\":\"ada@contoso.example\"},\n{\"upn\":\"grace@contoso.example\",\"name\":\"" + huge + "\"}]"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("a value is too long or too deeply nested");
    }
}
