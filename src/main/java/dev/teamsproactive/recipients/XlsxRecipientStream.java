package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rows of an Excel workbook's first sheet, streamed by fastexcel one row at a time after {@link XlsxGuard} has
 * checked the archive. The first non-empty row is the header, as in a CSV file; a row's line is its Excel row
 * number; rows of empty cells are skipped; cells are read as the text Excel shows ({@link XlsxCellText}).
 */
final class XlsxRecipientStream extends LookAheadRecipientStream {

    private final String file;
    private final ReadableWorkbook workbook;
    private Stream<Row> rowStream;
    private Iterator<Row> rows;
    private String sheetName;
    private final List<String> header;
    private final String recipientColumn;
    private final List<Integer> recipientIndexes;

    XlsxRecipientStream(Path path, String file) {
        this.file = file;
        XlsxGuard.check(path, file);
        workbook = open(path);
        try {
            Sheet sheet = workbook.getSheets().findFirst()
                    .orElseThrow(() -> new RejectedInputException(file, "the workbook has no sheet"));
            sheetName = sheet.getName();
            rowStream = sheet.openStream();
            rows = rowStream.iterator();
            Row headerRow = nextNonBlankRow();
            if (headerRow == null) {
                throw new RejectedInputException(file, "the file is empty: its first sheet ('" + sheetName
                        + "') has no rows");
            }
            header = headerNames(headerRow);
            recipientColumn = RecipientColumns.pick(header);
            if (recipientColumn == null) {
                throw rowProblem(headerRow, "no recipient column: the header row must name one of " + RecipientColumns.acceptedList() + " (it names "
                        + String.join(", ", header.stream().filter(h -> !h.isEmpty()).limit(10).toList()) + ")");
            }
            recipientIndexes = RecipientColumns.ranked(header);
        } catch (IOException e) {
            release();
            throw unreadable(e);
        } catch (RuntimeException e) {
            release();
            throw e instanceof RejectedInputException r ? r : unreadable(e);
        }
    }

    /**
     * Formats on: a date is a number that only its cell's format tells apart; a cell fastexcel cannot parse becomes
     * an error cell. A workbook without a styles part (some tools write none) has no formats to read.
     */
    private ReadableWorkbook open(Path path) {
        try {
            return new ReadableWorkbook(path.toFile(), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException withFormats) {
            try {
                return new ReadableWorkbook(path.toFile(), new ReadingOptions(false, true));
            } catch (IOException | RuntimeException e) {
                throw unreadable(withFormats);
            }
        }
    }

    @Override
    public String recipientColumn() {
        return recipientColumn;
    }

    List<String> columns() {
        return header.stream().filter(name -> !name.isEmpty()).toList();
    }

    @Override
    protected Recipient readRow() {
        Row row = nextNonBlankRow();
        return row == null ? null : toRecipient(row);
    }

    /** The next row with a non-blank cell, or null at the end; what fastexcel cannot read rejects the file. */
    private Row nextNonBlankRow() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int i = 0; i < row.getCellCount(); i++) {
                    if (!XlsxCellText.of(row.getCell(i)).isBlank()) {
                        return row;
                    }
                }
            }
            return null;
        } catch (RejectedInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private Recipient toRecipient(Row row) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                variables.put(header.get(i), cell(row, i));
            }
        }
        int used = recipientIndexes.get(0);
        for (int index : recipientIndexes) {
            if (!cell(row, index).isBlank()) {
                used = index;
                break;
            }
        }
        String raw = cell(row, used);
        return new Recipient(row.getRowNum(), raw, RecipientKey.fromColumn(header.get(used), raw), variables);
    }

    private static String cell(Row row, int index) {
        return index < row.getCellCount() ? XlsxCellText.of(row.getCell(index)) : "";
    }

    private List<String> headerNames(Row row) {
        List<String> names = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            // Whitespace around a header name is never meant: placeholders would not match it.
            String name = XlsxCellText.of(row.getCell(i)).strip();
            int earlier = names.indexOf(name);
            if (!name.isEmpty() && earlier >= 0) {
                throw rowProblem(row, "the column '" + name + "' appears twice"
                        + " (columns " + (earlier + 1) + " and " + (names.size() + 1) + ")");
            }
            names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    /** Excel users find a place by sheet and row: the message names both. */
    private RejectedInputException rowProblem(Row row, String reason) {
        return new RejectedInputException(file, "sheet '" + sheetName + "', row " + row.getRowNum() + ": " + reason);
    }

    private RejectedInputException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException || e instanceof ExcelReaderException
                ? (e.getCause() == null ? e : e.getCause()) : e;
        return new RejectedInputException(file, "not a readable Excel workbook: " + cause.getMessage()
                + "; save it again from Excel as Excel Workbook (.xlsx) or CSV UTF-8", e);
    }

    @Override
    protected void release() {
        try {
            if (rowStream != null) {
                rowStream.close();
            }
        } catch (RuntimeException ignored) {
            // Only reading happened: nothing is lost when closing fails.
        }
        try {
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // As above.
        }
    }
}
