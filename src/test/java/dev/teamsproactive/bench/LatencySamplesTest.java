package dev.teamsproactive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The percentiles the throughput line reports: nearest rank over every sample, whatever order they came in. */
class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankOverAllSamples() {
        LatencySamples samples = new LatencySamples();
        for (long v = 100_000; v >= 1; v--) {
            samples.add(v);
        }

        assertThat(samples.size()).isEqualTo(100_000);
        assertThat(samples.percentileMicros(50)).isEqualTo(50_000);
        assertThat(samples.percentileMicros(99)).isEqualTo(99_000);
        assertThat(samples.percentileMicros(100)).isEqualTo(100_000);
    }

    @Test
    void noSamplesMeanZeroAndOneSampleIsEveryPercentile() {
        LatencySamples samples = new LatencySamples();
        assertThat(samples.percentileMicros(99)).isZero();

        samples.add(7);
        assertThat(samples.percentileMicros(1)).isEqualTo(7);
        assertThat(samples.percentileMicros(99)).isEqualTo(7);
    }
}
