package dev.teamsproactive.recipients;

import dev.teamsproactive.recipients.RecipientKey.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.teamsproactive.recipients.TestFiles.concat;
import static dev.teamsproactive.recipients.TestFiles.readAll;
import static dev.teamsproactive.recipients.TestFiles.utf8;
import static dev.teamsproactive.recipients.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CsvRecipientsTest {

    @TempDir
    Path dir;

    @Test
    void readsRowsWithTheirLineKeyAndEveryColumnAsVariable() {
        Path file = write(dir, "team.csv", "upn,name,team\nada@contoso.example,Ada,Core\ngrace@contoso.example,Grace,Ops\n");

        RecipientFileSummary summary = RecipientFile.validate(file);
        List<Recipient> rows = readAll(file);

        assertThat(summary.format()).isEqualTo(RecipientFormat.CSV);
        assertThat(summary.recipientColumn()).isEqualTo("upn");
        assertThat(summary.columns()).containsExactly("upn", "name", "team");
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.invalid()).isZero();
        assertThat(summary.template()).isNull();
        assertThat(rows).extracting(Recipient::line).containsExactly(2, 3);
        assertThat(rows.get(0).key()).isEqualTo(new RecipientKey(Kind.UPN, "ada@contoso.example", null, null));
        assertThat(rows.get(0).raw()).isEqualTo("ada@contoso.example");
        assertThat(rows.get(1).variables()).containsExactly(
                entry("upn", "grace@contoso.example"), entry("name", "Grace"), entry("team", "Ops"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        Path file = write(dir, "bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("id,name\n1569d944-27fd-5601-9416-3e3519eef744,Ada\n")));

        assertThat(RecipientFile.validate(file).recipientColumn()).isEqualTo("id");
        assertThat(readAll(file).get(0).key().kind()).isEqualTo(Kind.OBJECT_ID);
    }

    @Test
    void quotedCommasNewlinesAndQuotesKeepPhysicalLineNumbers() {
        Path file = write(dir, "quoted.csv", """
                mail,name,note
                ada@contoso.example,"Lovelace, Ada","first line
                second line"

                grace@contoso.example,Grace,"she said ""hi\"\""\r
                alan@contoso.example,Alan,plain
                """);

        List<Recipient> rows = readAll(file);

        assertThat(rows).extracting(Recipient::line).containsExactly(2, 5, 6);
        assertThat(rows.get(0).variables()).containsEntry("name", "Lovelace, Ada")
                .containsEntry("note", "first line\nsecond line");
        assertThat(rows.get(1).variables()).containsEntry("note", "she said \"hi\"");
        assertThat(RecipientFile.validate(file).total()).isEqualTo(3);
    }

    @Test
    void theRecipientColumnIsMatchedIgnoringCaseAndPreferredInTheDocumentedOrder() {
        Path file = write(dir, "both.csv", "Mail,Name,ID\nada@contoso.example,Ada,1569d944-27fd-5601-9416-3e3519eef744\n");

        Recipient row = readAll(file).get(0);

        assertThat(RecipientFile.validate(file).recipientColumn()).isEqualTo("ID");
        assertThat(row.key().kind()).isEqualTo(Kind.OBJECT_ID);
        assertThat(row.variables()).containsOnlyKeys("Mail", "Name", "ID");
    }

    @Test
    void eachRowUsesTheMostPreferredRecipientColumnItFills() {
        Path file = write(dir, "mixed.csv", """
                id,mail,name
                1569d944-27fd-5601-9416-3e3519eef744,ada@contoso.example,Ada
                ,marie.keller@contoso.example,Marie
                o'brien@contoso.example,,Siobhan
                ../x,grace@contoso.example,Not passed over
                ,,Nobody
                """);

        List<Recipient> rows = readAll(file);

        assertThat(RecipientFile.validate(file).recipientColumn()).isEqualTo("id");
        assertThat(rows).extracting(r -> r.key().kind())
                .containsExactly(Kind.OBJECT_ID, Kind.MAIL, Kind.UPN, Kind.INVALID, Kind.INVALID);
        assertThat(rows.get(1).raw()).isEqualTo("marie.keller@contoso.example");
        assertThat(rows.get(3).raw()).isEqualTo("../x");
        assertThat(rows.get(4).key().problem()).isEqualTo("the recipient is empty");
    }

    @Test
    void headerNamesAreTrimmedAndSemicolonSpreadsheetsAreRead() {
        Path file = write(dir, "excel-de.csv", "upn ; name\nada@contoso.example;Ada\n");

        RecipientFileSummary summary = RecipientFile.validate(file);

        assertThat(summary.columns()).containsExactly("upn", "name");
        assertThat(summary.formatNote()).contains("semicolons");
        assertThat(readAll(file).get(0).variables()).containsEntry("name", "Ada");
    }

    @Test
    void badRowsAreRowsWithAnInvalidKeyNotErrors() {
        Path file = write(dir, "bad-rows.csv", """
                upn,name
                ../../groups@contoso.example,Traversal
                ada@contoso.example,Ada,Lovelace
                ,Nobody
                grace@contoso.example
                =HYPERLINK("https://evil.example"),Formula
                """);

        List<Recipient> rows = readAll(file);
        RecipientFileSummary summary = RecipientFile.validate(file);

        assertThat(rows).extracting(r -> r.key().code())
                .containsExactly("InvalidRecipient", "MalformedRow", "InvalidRecipient", null, "InvalidRecipient");
        assertThat(rows.get(1).key().problem()).contains("3 cells but the header has 2");
        assertThat(rows.get(2).key().problem()).contains("empty");
        assertThat(rows.get(3).variables()).containsEntry("name", "");
        assertThat(rows.get(4).raw()).isEqualTo("=HYPERLINK(\"https://evil.example\")");
        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.invalid()).isEqualTo(4);
    }

    @Test
    void rowsOfEmptyCellsAreSkipped() {
        Path file = write(dir, "export.csv", "upn,name\nada@contoso.example,Ada\n,\n , \ngrace@contoso.example,Grace\n");

        assertThat(readAll(file)).extracting(Recipient::line).containsExactly(2, 5);
    }

    @Test
    void anUnknownExtensionIsReadByContentAndSaysSo() {
        Path file = write(dir, "list.txt", "upn\nada@contoso.example\n");

        assertThat(RecipientFile.validate(file).formatNote())
                .isEqualTo("CSV (assumed: no .csv or .json extension, and it does not start with '[' or '{')");
    }
}
