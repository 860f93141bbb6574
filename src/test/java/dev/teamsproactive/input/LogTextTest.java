package dev.teamsproactive.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a logged value may carry: visible text as it is, every control, bidi and invisible character as an escape. */
class LogTextTest {

    @Test
    void controlBidiAndInvisibleCharactersBecomeEscapes() {
        assertThat(LogText.escape("a\r\nb\tc\u0007d\u007Fe\u0085f")).isEqualTo("a\\r\\nb\\tc\\u0007d\\u007Fe\\u0085f");
        assertThat(LogText.escape("invoice\u202Efdp.exe\u200B\u2066\uFEFF\u2028")).isEqualTo(
                "invoice\\u202Efdp.exe\\u200B\\u2066\\uFEFF\\u2028");
        // An unpaired surrogate, and a tag character (a supplementary format character).
        assertThat(LogText.escape("x\uD800y\uDB40\uDC01z")).isEqualTo("x\\uD800y\\u{E0001}z");
    }

    @Test
    void visibleTextStaysAsItIsAndEscapingTwiceChangesNothing() {
        String visible = "André 日本 😀 C:\\inbox\\x.csv \"quoted\"";
        assertThat(LogText.escape(visible)).isSameAs(visible);
        String once = LogText.escape("a\nb\u202Ec");
        assertThat(LogText.escape(once)).isEqualTo(once);
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void anExcerptIsEscapedAndCutShort() {
        assertThat(LogText.excerpt("id\nname", 80)).isEqualTo("id\\nname");
        assertThat(LogText.excerpt("x".repeat(100), 10)).isEqualTo("x".repeat(9) + "…");
    }
}
