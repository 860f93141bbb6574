package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a sandbox that answers 429 to a third of the calls, the metrics count the 429s and the retries. */
class ThrottledMetricsTest {
    @TempDir
    Path work;

    @Test
    void throttledCallsAndRetriesAreCounted() throws Exception {
        try (ObservedService service = ObservedService.start(work, "teams.retry-after.max-ms=200\nteams.backoff.first-delay-ms=50",
                SandboxOptions.defaults().withFaults(FaultSpec.parse("429=0.3")))) {
            Path file = Files.writeString(work.resolve("five.csv"), """
                    id,name
                    ada@contoso.example,Ada
                    grace@contoso.example,Grace
                    alan@contoso.example,Alan
                    katherine@contoso.example,Katherine
                    irene@contoso.example,Irene
                    """, StandardCharsets.UTF_8);
            service.send(file);
            String metrics = service.get("/observe/metrics").body();
            long throttled = sum(metrics, "(?m)^teams_throttled_calls_total\\{.*\\} ([0-9.]+)$");
            long calls429 = sum(metrics, "(?m)^teams_calls_seconds_count\\{.*status=\"429\"\\} ([0-9.]+)$");
            long retries429 = sum(metrics, "(?m)^teams_retries_total\\{reason=\"429\"\\} ([0-9.]+)$");
            assertThat(throttled).as(metrics).isPositive().isEqualTo(calls429);
            // Each 429 from Graph or the Bot Connector is retried (the token endpoint's are retried by msal4j's caller).
            assertThat(retries429).isPositive().isLessThanOrEqualTo(throttled);
        }
    }

    private static long sum(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return (long) total;
    }
}
