package dev.teamsproactive.recipients;

import dev.teamsproactive.recipients.RecipientKey.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipientKeyTest {

    @ParameterizedTest(name = "{0} = \"{1}\" -> {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            id                | 1569D944-27FD-5601-9416-3E3519EEF744 | OBJECT_ID | 1569d944-27fd-5601-9416-3e3519eef744
            id                | ada@contoso.example                  | UPN       | ada@contoso.example
            ID                | ada@contoso.example                  | UPN       | ada@contoso.example
            userPrincipalName | o'brien@contoso.example              | UPN       | o'brien@contoso.example
            upn               | "  ada@contoso.example "             | UPN       | ada@contoso.example
            mail              | marie.keller@contoso.example         | MAIL      | marie.keller@contoso.example
            email             | ada+news@contoso.example             | MAIL      | ada+news@contoso.example
            userPrincipalName | 1569D944-27FD-5601-9416-3E3519EEF744 | OBJECT_ID | 1569d944-27fd-5601-9416-3e3519eef744
            mail              | 1569d944-27fd-5601-9416-3e3519eef744 | OBJECT_ID | 1569d944-27fd-5601-9416-3e3519eef744
            upn               | gina_fabrikam.example#EXT#@contoso.example | UPN | gina_fabrikam.example#EXT#@contoso.example
            mail              | zoë@contoso.example                  | MAIL      | zoë@contoso.example
            """)
    void acceptsIdsAndAddresses(String column, String cell, Kind kind, String value) {
        RecipientKey key = RecipientKey.fromColumn(column, cell);

        assertThat(key.kind()).isEqualTo(kind);
        assertThat(key.value()).isEqualTo(value);
        assertThat(key.problem()).isNull();
        assertThat(key.code()).isNull();
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is invalid: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            upn  | ""                                      | empty
            upn  | "   "                                   | empty
            id   | ../x                                    | '/'
            upn  | ../users@contoso.example                | '/'
            upn  | a..b@contoso.example                    | '..'
            upn  | a?b@contoso.example                     | '?'
            upn  | a#b@contoso.example                     | '#'
            upn  | gina#EXT#x@contoso.example              | '#'
            upn  | gina_fabrikam.example#EXT#@contoso#example | '#'
            upn  | %2e%2e@contoso.example                  | '%'
            upn  | a\\b@contoso.example                    | '\\'
            upn  | a;b@contoso.example                     | ';'
            upn  | a b@contoso.example                     | space
            upn  | ada@contoso.example／x                  | reads as one of
            upn  | a‥b@contoso.example                     | reads as one of
            id   | 1569d944                                | neither an object id
            id   | {1569d944-27fd-5601-9416-3e3519eef744}  | neither an object id
            upn  | adacontoso.example                      | exactly one '@'
            upn  | @contoso.example                        | exactly one '@'
            upn  | ada@                                    | exactly one '@'
            mail | a@b@contoso.example                     | exactly one '@'
            mail | =HYPERLINK(http://x)                    | '/'
            """)
    void refusesWhatCouldChangeTheUrlOrIsNotAnAddress(String column, String cell, String problem) {
        RecipientKey key = RecipientKey.fromColumn(column, cell);

        assertThat(key.kind()).isEqualTo(Kind.INVALID);
        assertThat(key.code()).isEqualTo("InvalidRecipient");
        assertThat(key.problem()).contains(problem);
        assertThat(key.value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b@x.example", "a\tb@x.example", "ada@x.example\n", "a\u007fb@x.example",
            "a\u200bb@x.example", "a\u202eb@x.example", "a\u00a0b@x.example"})
    void refusesInvisibleCharacters(String cell) {
        RecipientKey key = RecipientKey.fromColumn("upn", cell.replace("\n", "\nx"));

        assertThat(key.kind()).isEqualTo(Kind.INVALID);
        assertThat(key.problem()).containsAnyOf("control character", "space");
    }

    @Test
    void refusesOverlongValues() {
        String longUpn = "a".repeat(250) + "@x.example";

        assertThat(RecipientKey.fromColumn("upn", longUpn).problem()).contains("longer than 256");
        assertThat(RecipientKey.fromColumn("upn", "a".repeat(240) + "@x.example").isValid()).isTrue();
    }

    @Test
    void pathSegmentKeepsUnreservedAndAtAndEncodesTheRestAsUtf8() {
        assertThat(RecipientKey.fromColumn("upn", "o'brien@contoso.example").pathSegment())
                .isEqualTo("o%27brien@contoso.example");
        assertThat(RecipientKey.fromColumn("mail", "zoë+x~y_z-1.2@contoso.example").pathSegment())
                .isEqualTo("zo%C3%AB%2Bx~y_z-1.2@contoso.example");
        assertThat(RecipientKey.fromColumn("id", "1569D944-27FD-5601-9416-3E3519EEF744").pathSegment())
                .isEqualTo("1569d944-27fd-5601-9416-3e3519eef744");
    }

    @Test
    void aGuestUpnGoesIntoThePathWithItsHashesEncoded() {
        assertThat(RecipientKey.fromColumn("upn", "gina_fabrikam.example#EXT#@contoso.example").pathSegment())
                .isEqualTo("gina_fabrikam.example%23EXT%23@contoso.example");
    }

    @Test
    void queryLiteralKeepsPlusAmpersandAndQuerySyntaxInsideTheValue() {
        assertThat(RecipientKey.fromColumn("mail", "plus+news@contoso.example").queryLiteral())
                .isEqualTo("plus%2Bnews@contoso.example");
        assertThat(RecipientKey.fromColumn("mail", "r&d@contoso.example").queryLiteral())
                .isEqualTo("r%26d@contoso.example");
        assertThat(RecipientKey.fromColumn("mail", "x@y&$select=displayName").queryLiteral())
                .isEqualTo("x@y%26%24select%3DdisplayName");
        assertThat(RecipientKey.fromColumn("mail", "o'brien@contoso.example").queryLiteral())
                .isEqualTo("o%27%27brien@contoso.example");
    }

    @Test
    void odataLiteralDoublesApostrophes() {
        assertThat(RecipientKey.fromColumn("mail", "o'brien@contoso.example").odataLiteral())
                .isEqualTo("o''brien@contoso.example");
    }

    @Test
    void anInvalidKeyHasNoUrlForm() {
        RecipientKey key = RecipientKey.fromColumn("upn", "../x");

        assertThatThrownBy(key::pathSegment).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::odataLiteral).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyRecipientColumnsMakeKeys() {
        assertThatThrownBy(() -> RecipientKey.fromColumn("name", "x"))
                .hasMessageContaining("id, userPrincipalName, upn, mail, email");
    }
}
