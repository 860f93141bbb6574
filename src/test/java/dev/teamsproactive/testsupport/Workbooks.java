package dev.teamsproactive.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Excel workbooks for tests: a CSV file's cells as a real writer saves them, or a package written part by part. */
public final class Workbooks {
    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            </Types>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            </Relationships>""";
    /** Cell styles: 0 General, 1 a date (built-in 14), 2 a percentage (built-in 10), 3 a custom date-time. */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/></numFmts>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs>
            </styleSheet>""";

    private Workbooks() {
    }

    /** The CSV file's header and rows, every cell as text on the first sheet, saved by fastexcel's writer. */
    public static Path fromCsv(Path csv, Path xlsx) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook workbook = new Workbook(out, "teams-proactive-tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Recipients");
            int row = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                for (int col = 0; col < record.size(); col++) {
                    if (!record.get(col).isEmpty()) {
                        sheet.value(row, col, record.get(col));
                    }
                }
                row++;
            }
            workbook.finish();
        }
        return xlsx;
    }

    /** A workbook whose first sheet's XML is {@code sheetData} (the rows) and whose shared strings are {@code strings}. */
    public static Path withSheet(Path xlsx, String sheetData, String... strings) throws IOException {
        StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : strings) {
            shared.append("<si><t>").append(s).append("</t></si>");
        }
        shared.append("</sst>");
        Map<String, byte[]> parts = standardParts();
        parts.put("xl/worksheets/sheet1.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + sheetData + "</sheetData></worksheet>"));
        parts.put("xl/sharedStrings.xml", utf8(shared.toString()));
        return zip(xlsx, parts);
    }

    /** The parts of a one-sheet workbook, the sheet and shared strings left to the caller. */
    public static Map<String, byte[]> standardParts() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        parts.put("xl/workbook.xml", utf8(WORKBOOK));
        parts.put("xl/_rels/workbook.xml.rels", utf8(WORKBOOK_RELS));
        parts.put("xl/styles.xml", utf8(STYLES));
        return parts;
    }

    /** Writes the parts as a ZIP archive (deflated). */
    public static Path zip(Path file, Map<String, byte[]> parts) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
