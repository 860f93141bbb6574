package dev.teamsproactive.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses malformed bytes instead of replacing them. Unlike
 * {@link java.io.InputStreamReader}, it first hands out every character decoded before the bad
 * bytes, so whoever counts lines above it knows exactly which line they are on.
 */
final class StrictUtf8Reader extends Reader {

    /** Thrown on the first malformed or unmappable byte sequence. */
    static final class MalformedUtf8Exception extends CharacterCodingException {
        private final String detail;

        MalformedUtf8Exception(String detail) {
            this.detail = detail;
        }

        @Override
        public String getMessage() {
            return detail;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean flushed;
    private MalformedUtf8Exception pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, off, len);
        while (out.position() == off) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = describe(result);
                if (out.position() > off) {
                    break;
                }
                throw pending;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
            fill();
        }
        int count = out.position() - off;
        return count == 0 && endOfInput ? -1 : count;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private MalformedUtf8Exception describe(CoderResult result) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < result.length() && bytes.remaining() > i; i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new MalformedUtf8Exception("invalid UTF-8 (bytes " + hex + ")");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
