package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.testsupport.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.teamsproactive.recipients.TestFiles.readAll;
import static dev.teamsproactive.recipients.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Excel workbooks (.xlsx): read like a CSV file, cells as Excel shows them, hostile archives rejected. */
class XlsxRecipientsTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookWithTheRowsOfACsvFileGivesTheSameRecipients() throws IOException {
        for (String example : List.of("examples/mixed.csv", "examples/recipients.csv")) {
            Path csv = Path.of(example);
            Path xlsx = Workbooks.fromCsv(csv, dir.resolve(csv.getFileName() + ".xlsx"));

            RecipientFileSummary fromCsv = RecipientFile.validate(csv);
            RecipientFileSummary fromXlsx = RecipientFile.validate(xlsx);

            assertThat(fromXlsx.format()).isEqualTo(RecipientFormat.XLSX);
            assertThat(fromXlsx.recipientColumn()).isEqualTo(fromCsv.recipientColumn());
            assertThat(fromXlsx.columns()).isEqualTo(fromCsv.columns());
            assertThat(fromXlsx.total()).isEqualTo(fromCsv.total());
            assertThat(fromXlsx.invalid()).isEqualTo(fromCsv.invalid());
            assertThat(readAll(xlsx)).as(example).isEqualTo(readAll(csv));
        }
    }

    @Test
    void cellsReadAsExcelShowsThem() throws IOException {
        Path xlsx = Workbooks.withSheet(dir.resolve("cells.xlsx"), """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
                <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>\
                <c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>
                <row r="2"></row>
                <row r="3"><c r="A3" t="s"><v>8</v></c><c r="B3"><v>42</v></c><c r="C3"><v>0.10000000000000001</v></c>\
                <c r="D3" s="1"><v>46082</v></c><c r="E3" t="b"><v>1</v></c><c r="F3"><f>B3*2</f><v>84</v></c>\
                <c r="G3" s="2"><v>0.25</v></c><c r="H3" s="3"><v>46082.5</v></c></row>
                <row r="4"><c r="A4" t="s"><v>9</v></c><c r="B4"><v>4.2E+3</v></c><c r="C4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>\
                <c r="D4"><f>1+1</f></c><c r="E4" t="b"><v>0</v></c><c r="F4" t="e"><v>#N/A</v></c>\
                <c r="G4" t="inlineStr"><is><t>inline</t></is></c></row>
                <row r="5"><c r="A5" t="s"><v>10</v></c><c r="B5" t="s"><v>10</v></c></row>
                """, "upn", "whole", "fraction", "date", "flag", "formula", "share", "when",
                "ada@contoso.example", "grace@contoso.example", " ");

        List<Recipient> rows = readAll(xlsx);

        assertThat(rows).extracting(Recipient::line).containsExactly(3, 4);
        assertThat(rows.get(0).variables()).containsExactly(Map.entry("upn", "ada@contoso.example"),
                Map.entry("whole", "42"), Map.entry("fraction", "0.1"), Map.entry("date", "2026-03-01"),
                Map.entry("flag", "TRUE"), Map.entry("formula", "84"), Map.entry("share", "25%"),
                Map.entry("when", "2026-03-01 12:00"));
        assertThat(rows.get(1).variables()).containsEntry("whole", "4200").containsEntry("fraction", "xy")
                .containsEntry("date", "").containsEntry("flag", "FALSE").containsEntry("formula", "#N/A")
                .containsEntry("share", "inline");
        assertThat(rows.get(0).key().kind()).isEqualTo(RecipientKey.Kind.UPN);
    }

    @Test
    void wholeFileProblemsAreRejectedNamingTheFileAndTheRow() throws IOException {
        assertThat(rejected(write(dir, "empty.xlsx", new byte[0])).getMessage()).endsWith("empty.xlsx: the file is empty");
        assertThat(rejected(write(dir, "text.xlsx", "upn\nada@contoso.example\n")).reason())
                .contains("not an Excel workbook").contains("is not");
        assertThat(rejected(write(dir, "old.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4}))
                .reason()).contains(".xls").contains("save it as");
        assertThat(rejected(write(dir, "cut.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0})).reason())
                .contains("not a readable Excel workbook");
        assertThat(rejected(Workbooks.zip(dir.resolve("plain.xlsx"), Map.of("readme.txt", new byte[] {'h', 'i'}))).reason())
                .contains("no xl/workbook.xml");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("blank.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", " ")).reason())
                .contains("the file is empty").contains("'People'");
        RejectedInputException noColumn = rejected(Workbooks.withSheet(dir.resolve("people.xlsx"),
                "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c></row>", "name", "team"));
        assertThat(noColumn.getMessage()).contains("people.xlsx").contains("sheet 'People', row 2")
                .contains("no recipient column").contains("name, team");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("twice.xlsx"),
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>", "upn")).reason())
                .contains("row 1").contains("'upn' appears twice");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("header-only.xlsx"),
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "upn")).reason())
                .contains("no recipients");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("broken.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>", "upn"))
                .reason()).contains("not a readable Excel workbook");
    }

    @Test
    void aZipBombIsRejectedWithoutInflatingItAll() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (Map.Entry<String, byte[]> part : Workbooks.standardParts().entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
            }
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] rows = "<row r=\"1\"></row>".repeat(4096).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2048; i++) { // 140 MB of rows
                out.write(rows);
            }
            out.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        assertThat(rejected(bomb).reason()).contains("ZIP bomb").contains("xl/worksheets/sheet1.xml");
    }

    @Test
    void partsThatWouldMakeTheReaderHoldTooMuchAreRejected() throws IOException {
        String huge = "x".repeat(CsvRecipientStream.MAX_LINE_CHARS + 1);
        assertThat(rejected(Workbooks.withSheet(dir.resolve("long-text.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                huge)).reason()).contains("xl/sharedStrings.xml").contains("64 KB of text in one piece");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("far-column.xlsx"),
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"ZZZZZZ1\"><v>1</v></c></row>", "upn")).reason())
                .contains("beyond column XFD");
        assertThat(rejected(Workbooks.withSheet(dir.resolve("wide.xlsx"),
                "<row r=\"1\">" + "<c t=\"s\"><v>0</v></c>".repeat(XlsxGuard.MAX_COLUMNS + 1) + "</row>", "upn")).reason())
                .contains("more than 16384 cells");

        String[] many = new String[100_000];
        java.util.Arrays.setAll(many, i -> Integer.toString(i, 36));
        Path manyStrings = Workbooks.withSheet(dir.resolve("strings.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", many);
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> XlsxGuard.check(manyStrings, "strings.xlsx", 8L << 20));
        assertThat(e.reason()).contains("shared-strings table (100000 texts").contains("more than the 4 MB");
        XlsxGuard.check(manyStrings, "strings.xlsx", 64L << 20);
    }

    @Test
    void aZipWithoutExtensionIsReadAsAWorkbookAndACsvNamedZipIsStillRefused() throws IOException {
        Path workbook = Workbooks.fromCsv(Path.of("examples/recipients.csv"), dir.resolve("people.xlsx"));
        Path unnamed = Files.copy(workbook, dir.resolve("people"));
        assertThat(RecipientFile.validate(unnamed).formatNote()).contains("assumed");
        assertThat(readAll(unnamed)).isEqualTo(readAll(Path.of("examples/recipients.csv")));
        assertThat(rejected(Files.copy(workbook, dir.resolve("people.csv"))).reason())
                .contains("ZIP archive").contains("save it as CSV UTF-8").contains(".xlsx");
    }

    private static RejectedInputException rejected(Path file) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> RecipientFile.validate(file));
        assertThat(e).as("rejection of %s", file).isNotNull();
        return e;
    }

}
