package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;

/**
 * Checks a workbook before fastexcel opens it, in bounded memory. fastexcel streams the sheet, but it trusts the
 * archive: it inflates whatever a part holds, builds each XML text node as one string, and keeps every shared
 * string it has met in memory. So every XML part is inflated here once, counted and thrown away: a file that is
 * not a ZIP archive, a ZIP bomb (a part that inflates far beyond its stored size, or beyond any sheet's size),
 * a single run of text longer than any cell, or a shared-strings table larger than this service's memory allows
 * is rejected with its reason before anything else reads it.
 */
final class XlsxGuard {

    /** No part of a recipients workbook comes near this (a million-row sheet is about 100 MB). */
    static final long MAX_PART_BYTES = 1L << 30;
    /** Deflate reaches about 1000:1 on repeated bytes; XML of real sheets stays far below 100:1. */
    static final long MAX_INFLATE_RATIO = 200;
    /** Below this, any ratio is harmless. */
    static final long RATIO_GRACE_BYTES = 1L << 20;
    /** The same bound as a CSV line: longer text between two tags is not a recipient's cell. */
    static final int MAX_TEXT_RUN = CsvRecipientStream.MAX_LINE_CHARS;
    /** Excel's last column is XFD: no real row has more cells. */
    static final int MAX_COLUMNS = 16_384;
    /** What a kept shared string costs in memory beyond its characters (the String, its array, the list slot). */
    static final long BYTES_PER_SHARED_STRING = 48;
    /** fastexcel keeps the shared strings read so far: they may take at most this share of the heap. */
    static final double SHARED_STRINGS_HEAP_SHARE = 0.6;

    private XlsxGuard() {
    }

    static void check(Path path, String file) {
        check(path, file, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #check(Path, String)}, for a service whose heap is {@code heapBytes}. */
    static void check(Path path, String file, long heapBytes) {
        byte[] head = head(path, file);
        if (head.length == 0) {
            throw new RejectedInputException(file, "the file is empty");
        }
        if (FileProbe.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new RejectedInputException(file, "the file is an Excel 97-2003 workbook (.xls); save it as"
                    + " Excel Workbook (.xlsx) or CSV UTF-8");
        }
        if (!FileProbe.startsWith(head, 'P', 'K', 3, 4)) {
            throw new RejectedInputException(file, "not an Excel workbook: a .xlsx file is a ZIP archive and this"
                    + " one is not; save it from Excel as Excel Workbook (.xlsx) or CSV UTF-8");
        }
        long fileSize = size(path, file);
        try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
            boolean workbook = false;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                workbook |= name.equals("xl/workbook.xml");
                // fastexcel reads XML parts only; pictures and the like are never inflated.
                if (!entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"))) {
                    checkPart(zip, entry, file, fileSize, name.endsWith("sharedstrings.xml"), heapBytes);
                }
            }
            if (!workbook) {
                throw new RejectedInputException(file, "not an Excel workbook: the ZIP archive has no"
                        + " xl/workbook.xml; save it from Excel as Excel Workbook (.xlsx) or CSV UTF-8");
            }
        } catch (IOException e) {
            throw new RejectedInputException(file, "not a readable Excel workbook: the ZIP archive is damaged ("
                    + e.getMessage() + "); save it again from Excel", e);
        }
    }

    private static void checkPart(ZipFile zip, ZipArchiveEntry entry, String file, long fileSize, boolean sharedStrings,
            long heapBytes) throws IOException {
        String part = entry.getName();
        long stored = Math.max(1, Math.min(entry.getCompressedSize() < 0 ? fileSize : entry.getCompressedSize(), fileSize));
        long inflated = 0;
        PartScan scan = new PartScan(file, part);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                inflated += n;
                if (inflated > MAX_PART_BYTES) {
                    throw new RejectedInputException(file, "rejected as a ZIP bomb: its part " + part
                            + " inflates to more than " + (MAX_PART_BYTES >> 20) + " MB");
                }
                if (inflated > RATIO_GRACE_BYTES && inflated / stored > MAX_INFLATE_RATIO) {
                    throw new RejectedInputException(file, "rejected as a ZIP bomb: its part " + part
                            + " inflates to more than " + MAX_INFLATE_RATIO + " times its stored size");
                }
                scan.bytes(buffer, n);
            }
        }
        if (sharedStrings) {
            checkSharedStrings(file, scan.sharedStrings, scan.textBytes, heapBytes);
        }
    }

    /**
     * One pass over a part's bytes, without parsing it: the longest text between two tags, the shared strings
     * ({@code <si>}), the cells of each row ({@code <c>}) and the letters of a cell's column ({@code r="ABC12"}), which
     * fastexcel turns into a list as long as the column's number.
     */
    private static final class PartScan {
        private final String file;
        private final String part;
        private final StringBuilder tag = new StringBuilder(4);
        private boolean inTagName;
        private boolean inCellTag;
        private boolean inTag;
        /** Bytes of text between tags (a shared string's characters, as UTF-8). */
        long textBytes;
        private int run;
        private int attribute;
        private int columnLetters = -1;
        private long cellsInRow;
        long sharedStrings;

        PartScan(String file, String part) {
            this.file = file;
            this.part = part;
        }

        void bytes(byte[] buffer, int n) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<' || b == '>') {
                    run = 0;
                } else if (++run > MAX_TEXT_RUN) {
                    throw new RejectedInputException(file, "its part " + part + " holds more than "
                            + (MAX_TEXT_RUN / 1024) + " KB of text in one piece; no cell of a recipients sheet is"
                            + " that long");
                }
                if (!inTag && b != '<' && b != '>') {
                    textBytes++;
                }
                if (b == '<') {
                    inTag = true;
                    inTagName = true;
                    inCellTag = false;
                    tag.setLength(0);
                } else if (inTagName) {
                    if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
                        inTagName = false;
                        tagStarted(tag.toString());
                    } else if (b == ':') {
                        tag.setLength(0); // a namespace prefix, as in <x:c>
                    } else if (tag.length() < 4) {
                        tag.append((char) b);
                    }
                } else if (inCellTag) {
                    cellAttribute(b);
                }
                if (b == '>') {
                    inTag = false;
                    inCellTag = false;
                }
            }
        }

        private void tagStarted(String name) {
            switch (name) {
                case "si" -> sharedStrings++;
                case "row" -> cellsInRow = 0;
                case "c" -> {
                    inCellTag = true;
                    attribute = 1; // the name ended with whitespace (or the tag ends here)
                    columnLetters = -1;
                    if (++cellsInRow > MAX_COLUMNS) {
                        throw new RejectedInputException(file, "its part " + part + " has a row of more than "
                                + MAX_COLUMNS + " cells, more than Excel allows");
                    }
                }
                default -> { }
            }
        }

        /** Follows {@code r="…"} inside a cell's tag and counts its letters. */
        private void cellAttribute(byte b) {
            if (columnLetters >= 0) {
                if (b == '"' || b == '\'' || (b >= '0' && b <= '9')) {
                    columnLetters = -1;
                    attribute = 0;
                } else if (b != '$' && ++columnLetters > 3) {
                    throw new RejectedInputException(file, "its part " + part + " names a cell beyond column XFD,"
                            + " the last one Excel has");
                }
                return;
            }
            // attribute: 0 nothing, 1 after whitespace, 2 after " r", 3 after " r="
            attribute = switch (attribute) {
                case 1 -> b == 'r' ? 2 : isSpace(b) ? 1 : 0;
                case 2 -> b == '=' ? 3 : isSpace(b) ? 1 : 0;
                case 3 -> {
                    if (b == '"' || b == '\'') {
                        columnLetters = 0;
                    }
                    yield 0;
                }
                default -> isSpace(b) ? 1 : 0;
            };
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
    }

    /** fastexcel keeps the table's strings as it meets them: it must fit in the memory this service has. */
    private static void checkSharedStrings(String file, long strings, long textBytes, long heapBytes) {
        long bytes = textBytes;
        long needed = strings * BYTES_PER_SHARED_STRING + bytes;
        long allowed = (long) (heapBytes * SHARED_STRINGS_HEAP_SHARE);
        if (needed > allowed) {
            throw new RejectedInputException(file, "its shared-strings table (" + strings + " texts, "
                    + (bytes >> 20) + " MB of text) needs about " + (needed >> 20) + " MB of memory to read, more than the "
                    + (allowed >> 20) + " MB this service allows for it; save it as CSV UTF-8 (read in constant"
                    + " memory) or split it");
        }
    }

    private static byte[] head(Path path, String file) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new RejectedInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static long size(Path path, String file) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new RejectedInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
