package dev.teamsproactive.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Recipients CSVs of the sandbox's computed users ({@code sandbox --users N}), written line by line. */
final class RecipientFiles {
    private RecipientFiles() {
    }

    /** How a file names its users: by UPN (one identity lookup each) or by object id (none). */
    enum Key { UPN, ID }

    /** Users first..last of the default tenant, with a {@code name} column for the default template. */
    static Path write(Path file, int first, int last, Key key) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(key == Key.UPN ? "upn,name\n" : "id,name\n");
            for (int i = first; i <= last; i++) {
                out.write(key == Key.UPN ? "user" + i + "@contoso.example" : String.format(Locale.ROOT,
                        "00000000-0000-4000-8000-%012x", i));
                out.write(",User ");
                out.write(Integer.toString(i));
                out.write('\n');
            }
        }
        return file;
    }
}
