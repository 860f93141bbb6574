package dev.teamsproactive.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Says in one line what is wrong with a {@code --seed} file: the file, the line and column when the JSON
 * reader knows them, and the problem in words, so a person can fix the file without a stack trace.
 */
final class SeedFileProblem {
    private SeedFileProblem() {
    }

    static String describe(Path seed, Exception e) {
        String file = seed.toAbsolutePath().toString();
        if (e instanceof NoSuchFileException) {
            return "--seed: cannot read " + file + ": no such file";
        }
        if (e instanceof JsonProcessingException json) {
            return "--seed: " + file + where(json.getLocation()) + ": " + oneLine(problem(json));
        }
        if (e instanceof IOException) {
            return "--seed: cannot read " + file + ": " + oneLine(e.getMessage());
        }
        return "--seed: " + file + " is not a valid tenant file: " + oneLine(e.getMessage());
    }

    /** The seed's own checks (a missing field, an unknown behavior) arrive wrapped; their message is the point. */
    private static String problem(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof NullPointerException && cause.getMessage() != null) {
            return "missing required field " + cause.getMessage();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return ", line " + at.getLineNr() + (at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
