package dev.teamsproactive.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A read receipt is heard only with teams.read-receipts.enabled; otherwise it is acknowledged and left alone. */
class ReadReceiptKindTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReadReceiptIsReadOnlyWhenReadReceiptsAreOn() throws Exception {
        JsonNode receipt = JSON.readTree("{\"type\":\"event\",\"name\":\"application/vnd.microsoft.readReceipt\","
                + "\"value\":{\"lastReadMessageId\":\"1:abc\"}}");
        JsonNode otherEvent = JSON.readTree("{\"type\":\"event\",\"name\":\"application/vnd.microsoft.meetingStart\"}");

        assertThat(new Answers(null, null, true).kindOf(receipt)).isEqualTo("read");
        assertThat(new Answers(null, null, false).kindOf(receipt)).isEqualTo("other");
        assertThat(new Answers(null, null, true).kindOf(otherEvent)).isEqualTo("other");
    }
}
