package dev.teamsproactive.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What every group of scenarios runs with: the jar, how many users, the service JVM's flags, the BENCH lines, and the
 * stream the details go to.
 */
record BenchSetup(Path jar, BenchSuite.Sizes sizes, List<String> serviceJvmFlags, BenchLines lines, PrintStream log) {
}
