package dev.teamsproactive.recipients;

import org.dhatim.fastexcel.reader.Cell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A cell as the text a person sees in Excel, so templates and recipient columns get what the sheet shows: a whole
 * number without ".0", other numbers to Excel's 15 significant digits, a percentage with its %, a date as
 * 2026-03-01 (with its time when it has one), TRUE / FALSE, a formula by the value Excel saved with it.
 */
final class XlsxCellText {
    /** Excel shows at most 15 significant digits; the file may hold the double's 17. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private XlsxCellText() {
    }

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> value == null ? "" : value.toString();
            case BOOLEAN -> booleanText(value);
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case NUMBER -> value == null ? "" : number(cell, (BigDecimal) value);
            // A formula's value is the one Excel saved with it; a formula never calculated has none.
            case FORMULA -> value instanceof BigDecimal n ? number(cell, n)
                    : value instanceof Boolean ? booleanText(value)
                    : value == null ? "" : value.toString();
        };
    }

    private static String booleanText(Object value) {
        return Boolean.TRUE.equals(value) ? "TRUE" : value == null ? "" : "FALSE";
    }

    private static String number(Cell cell, BigDecimal value) {
        String format = cell.getDataFormatString();
        Integer formatId = cell.getDataFormatId();
        if (isDate(formatId, format)) {
            return date(cell.asDate(), value.compareTo(BigDecimal.ONE) < 0);
        }
        if (format != null && unquoted(format).contains("%")) {
            return plain(value.movePointRight(2)) + "%";
        }
        return plain(value);
    }

    private static String plain(BigDecimal value) {
        BigDecimal shown = value.round(EXCEL_DIGITS).stripTrailingZeros();
        return shown.scale() <= 0 ? shown.toBigInteger().toString() : shown.toPlainString();
    }

    /** A time without a day (a value below 1) is shown as the time alone. */
    private static String date(LocalDateTime at, boolean timeOnly) {
        String time = at.format(at.getSecond() == 0 ? TIME : TIME_SECONDS);
        if (timeOnly) {
            return time;
        }
        return at.toLocalTime().toSecondOfDay() == 0 ? at.format(DATE) : at.format(DATE) + " " + time;
    }

    /** Excel's built-in date and time formats, and any format that shows a year, month, day, hour or second. */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && ((formatId >= 14 && formatId <= 22) || (formatId >= 27 && formatId <= 36)
                || (formatId >= 45 && formatId <= 47) || (formatId >= 50 && formatId <= 58))) {
            return true;
        }
        if (format == null || format.equalsIgnoreCase("General")) {
            return false;
        }
        String code = unquoted(format).toLowerCase(Locale.ROOT).replaceAll("\\[(h+|m+|s+)]", "$1").replaceAll("\\[[^]]*]", "");
        return code.matches(".*[ydhs].*") || code.matches(".*m.*") && !code.contains("e+");
    }

    /** The format without its quoted literals ("kg") and escaped characters (\x), which show as they are. */
    private static String unquoted(String format) {
        return format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
    }
}
