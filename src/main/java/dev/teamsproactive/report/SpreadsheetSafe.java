package dev.teamsproactive.report;

/**
 * Guards report cells against CSV (formula) injection: a spreadsheet opening deliveries.csv would
 * run a cell starting with {@code = + - @}, a tab or a carriage return as a formula, and recipients
 * and service messages come from outside. Such a cell gets a leading single quote, which
 * spreadsheets show as plain text and never evaluate.
 */
final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
