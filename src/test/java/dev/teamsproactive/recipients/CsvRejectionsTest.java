package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.teamsproactive.recipients.TestFiles.concat;
import static dev.teamsproactive.recipients.TestFiles.utf8;
import static dev.teamsproactive.recipients.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files that cannot be a campaign are refused whole, naming the file, the line and why. */
class CsvRejectionsTest {

    @TempDir
    Path dir;

    private RejectedInputException rejected(Path file) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> RecipientFile.validate(file));
        assertThat(e).as("validate(%s) rejects it", file.getFileName()).isNotNull();
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ": ");
        return e;
    }

    @Test
    void anEmptyFile() {
        assertThat(rejected(write(dir, "empty.csv", "")).getMessage()).endsWith("empty.csv: the file is empty");
        assertThat(rejected(write(dir, "bom-only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).reason())
                .isEqualTo("the file is empty");
        assertThat(rejected(write(dir, "blank.csv", "\n  \r\n\t\n")).reason()).isEqualTo("the file is empty");
    }

    @Test
    void binaryFiles() {
        assertThat(rejected(write(dir, "nul.csv", concat(utf8("upn\n"), new byte[] {0, 1, 2}))).reason())
                .contains("binary").contains("NUL");
        assertThat(rejected(write(dir, "workbook.csv", concat(new byte[] {'P', 'K', 3, 4}, utf8("rest")))).reason())
                .contains("ZIP archive").contains("save it as CSV UTF-8");
        assertThat(rejected(write(dir, "unicode.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 'u', 0, 'p', 0})).reason())
                .contains("UTF-16");
        byte[] noise = new byte[4000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (1 + i % 8);
        }
        assertThat(rejected(write(dir, "noise.csv", noise)).reason()).contains("binary").contains("control characters");
    }

    @Test
    void invalidUtf8NamesItsLine() {
        byte[] latin1Name = {'Z', 'o', (byte) 0xEB};
        Path file = write(dir, "latin1.csv", concat(utf8("upn,name\nada@contoso.example,Ada\nzoe@contoso.example,"),
                latin1Name, utf8("\ngrace@contoso.example,Grace\n")));

        RejectedInputException e = rejected(file);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("invalid UTF-8 (bytes EB").contains("must be UTF-8");
        assertThat(e.getMessage()).isEqualTo(file + ": line 3: " + e.reason());
    }

    @Test
    void invalidUtf8FarIntoTheFileStillNamesItsLine() {
        StringBuilder rows = new StringBuilder("upn\n");
        for (int i = 0; i < 5000; i++) {
            rows.append("user").append(i).append("@contoso.example\n");
        }
        Path file = write(dir, "late.csv", concat(utf8(rows.toString()), new byte[] {'x', (byte) 0xC3, '(', '\n'}));

        assertThat(rejected(file).line()).isEqualTo(5002);
    }

    @Test
    void noRecipientColumnListsTheAcceptedNames() {
        RejectedInputException e = rejected(write(dir, "names.csv", "name,team\nAda,Core\n"));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("no recipient column: the header row must name one of "
                + "id, userPrincipalName, upn, mail, email (it names name, team)");
    }

    @Test
    void aMissingHeaderRowIsPointedOut() {
        RejectedInputException e = rejected(write(dir, "headless.csv", "ada@contoso.example,Ada\n"));

        assertThat(e.reason()).contains("no recipient column").contains("the first row looks like data");
    }

    @Test
    void aColumnNamedTwice() {
        RejectedInputException e = rejected(write(dir, "twice.csv", "upn,name,name\nada@contoso.example,A,B\n"));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("the column 'name' appears twice (columns 2 and 3)");
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItOpensOn() {
        RejectedInputException e = rejected(write(dir, "quote.csv",
                "upn,name\nada@contoso.example,Ada\ngrace@contoso.example,\"Grace\nalan@contoso.example,Alan\n"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("quote (\")").contains("never closed");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        RejectedInputException e = rejected(write(dir, "stray.csv",
                "upn,name\nada@contoso.example,Ada\ngrace@contoso.example,\"Grace\" Hopper\n"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("malformed CSV");
    }

    @Test
    void aTenMegabyteLineIsRefusedWithoutBufferingIt() {
        String huge = "x".repeat(10 * 1024 * 1024);
        RejectedInputException e = rejected(write(dir, "huge.csv", "upn,name\nada@contoso.example,Ada\ngrace@contoso.example," + huge + "\n"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("the line is longer than 65536 characters; a recipients file has one short row per line");
    }

    @Test
    void aQuoteLeftOpenOverManyShortLinesIsRefusedEarly() {
        StringBuilder content = new StringBuilder("upn,name\nada@contoso.example,\"Ada\n");
        for (int i = 0; i < 100_000; i++) {
            content.append("user").append(i).append("@contoso.example,User\n");
        }
        RejectedInputException e = rejected(write(dir, "open-quote.csv", content.toString()));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("runs over").contains("never closed");
    }

    @Test
    void aHeaderWithoutRows() {
        assertThat(rejected(write(dir, "header-only.csv", "upn,name\n\n")).reason())
                .isEqualTo("no recipients: the file has a header row but no rows under it");
    }

    @Test
    void aRejectionOfAFileWhoseFormatWasGuessedSaysWhatWasAssumed() {
        assertThat(rejected(write(dir, "list.dat", "name\nAda\n")).reason())
                .contains("no recipient column").contains("(read as CSV (assumed: no .csv or .json extension");
    }
}
