package dev.teamsproactive.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Recipients workbooks (.xlsx) as Excel saves them (text in the shared-strings table), written row by row. */
final class WorkbookFiles {
    /** Rows kept by the writer before it flushes them to the file. */
    private static final int FLUSH_EVERY = 10_000;

    private WorkbookFiles() {
    }

    /** Users first..last of the default tenant by UPN, with a name column: the same rows as {@link RecipientFiles}. */
    static Path write(Path file, int first, int last) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "teams-proactive-bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("Recipients");
            sheet.value(0, 0, "upn");
            sheet.value(0, 1, "name");
            int row = 1;
            for (int i = first; i <= last; i++, row++) {
                sheet.value(row, 0, "user" + i + "@contoso.example");
                sheet.value(row, 1, "User " + i);
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
        return file;
    }
}
