package org.ringtree.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.cli.SimulatedCallCommand;

/** {@code ./ringtree call} against the running demo platform, whose call API needs a sign-in. */
class SimulatedCallCommandTest extends RunningPlatformTest {

  record Run(int code, String out, String err) {}

  private Run call(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[4 + extra.length];
    args[0] = "--url";
    args[1] = baseUrl;
    args[2] = "--token";
    args[3] = AUTH_TOKEN;
    System.arraycopy(extra, 0, args, 4, extra.length);
    int code =
        SimulatedCallCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheCallReportReadBackWithTheDemoOperatorsCredentials() {
    Run run = call("--digits", "1", "--zip", "90210", "--talk", "95s");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("== Call record", "campaign pi-accidents", "== Routing decision and trace")
        .contains("== Ledger", "REVENUE");
  }

  @Test
  void saysWhichCredentialsItNeedsWhenTheUserMayNotReadCalls() {
    Run run = call("--user", "publisher:ringtree-publisher-demo");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("== What the caller heard").doesNotContain("== Call record");
    assertThat(run.err()).contains("HTTP 403").contains("--api-key or --user");
  }
}
