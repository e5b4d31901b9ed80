package org.ringtree.tools.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;

/**
 * {@code ./ringtree call}: places a simulated call against a running platform through the same
 * signed webhooks Twilio would send, and prints each TwiML step, the routing decision with its
 * trace, and the ledger rows the call produced.
 */
public final class SimulatedCallCommand {

  static final String USAGE =
      """
      usage: ./ringtree call [options]
        --digits D       keys pressed at the next menu (repeat for several menus)
        --zip Z          digits entered when the IVR asks for a zip code
        --say TEXT       speech answer at the next menu
        --talk 95s       how long the caller talks to a buyer who answers (default 95s)
        --live 20s       talk in real time, at most this long, between the buyer's answer and
                         the leg's end, to watch the call as connected in Live calls (default 0s)
        --buyer R,R,...  how each dialled buyer leg ends: answer, busy, no-answer, failed
                         (default: every buyer answers)
        --number E164    tracking number dialled (default +18885550101, a demo number)
        --from E164      caller's number (default: a random +1310555xxxx, so repeated
                         demo calls are not duplicates)
        --state ST       caller's state from Twilio's lookup (default CA)
        --url URL        the platform (default http://localhost:8080)
        --wait 120s      how long to wait for a platform still starting to be ready
                         (default 120s; 0s: do not wait)
        --token TOKEN    Twilio auth token the platform checks (default: the demo token,
                         or RINGTREE_TWILIO_AUTH_TOKEN)
        --api-key KEY    API key to read the call report with (default: RINGTREE_API_KEY)
        --user U:PASS    or HTTP Basic (default: RINGTREE_API_USER, else the demo
                         operator, operator:ringtree-operator-demo)
      """;

  private SimulatedCallCommand() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options.help) {
      out.print(USAGE);
      return 0;
    }
    PlatformReadiness.State readiness;
    try {
      readiness =
          new PlatformReadiness(options.url, Duration.ofMillis(500))
              .await(Duration.ofSeconds(options.waitSeconds), err::println);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    if (!readiness.ready()) {
      err.println(
          "The platform at "
              + options.url
              + " is not ready after "
              + options.waitSeconds
              + " s ("
              + readiness.said()
              + "); start it with ./ringtree start, or pass --url");
      return 1;
    }
    TwilioDriver driver =
        new TwilioDriver(options.url, options.token)
            .talkingInRealTime(Duration.ofSeconds(options.liveSeconds));
    CallTranscript transcript;
    try {
      transcript = driver.place(options.script());
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
    print(transcript, out);
    printReport(options, transcript.callSid(), out, err);
    return 0;
  }

  private static void print(CallTranscript transcript, PrintStream out) {
    out.println("Call " + transcript.callSid());
    out.println();
    out.println("== Webhooks and TwiML");
    int i = 1;
    for (WebhookExchange e : transcript.exchanges()) {
      out.printf(Locale.ROOT, "%2d. POST %s -> %d%n", i++, e.pathAndQuery(), e.status());
      if (e.body() != null && !e.body().isBlank()) {
        out.println("    " + e.body().replace("\n", "\n    "));
      }
    }
    out.println();
    out.println("== What the caller heard");
    transcript.heard().forEach(line -> out.println("  " + line));
    out.println("  (call length " + transcript.totalSeconds() + " s)");
  }

  private static void printReport(
      Options options, String callSid, PrintStream out, PrintStream err) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(options.url + "/api/calls/" + callSid))
                      .header("Authorization", options.authorization())
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        err.println(
            "Could not read the call back: HTTP "
                + response.statusCode()
                + "; pass --api-key or --user for an admin, operator or compliance user");
        return;
      }
      if (response.statusCode() != 200) {
        err.println("Could not read the call back: HTTP " + response.statusCode());
        return;
      }
      JsonNode report =
          new ObjectMapper()
              .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readTree(response.body());
      JsonNode call = report.path("call");
      out.println();
      out.println("== Call record");
      out.printf(
          Locale.ROOT,
          "  status %s, campaign %s, publisher %s, buyer %s (target %s)%n",
          call.path("status").asText(),
          call.path("campaignId").asText(),
          call.path("publisherId").asText(),
          call.path("buyerId").asText("-"),
          call.path("targetId").asText("-"));
      out.printf(
          Locale.ROOT,
          "  total %s s, IVR %s s, talk %s s; billable to buyer %s, payable to publisher %s%n",
          call.path("totalSeconds").asText("-"),
          call.path("ivrSeconds").asText("-"),
          call.path("talkSeconds").asText("-"),
          call.path("billableToBuyer").asText("-"),
          call.path("payableToPublisher").asText("-"));
      out.println();
      out.println("== Routing decision and trace");
      for (JsonNode row : report.path("trace")) {
        out.printf(
            Locale.ROOT,
            "  %2d. %-8s %-16s %-10s %s%s%n",
            row.path("seq").asInt(),
            row.path("kind").asText(),
            row.path("targetId").asText("-"),
            row.path("outcome").asText(),
            row.path("reason").asText(),
            row.path("latencyMs").isNumber() ? " (" + row.path("latencyMs").asInt() + " ms)" : "");
      }
      out.println();
      out.println("== Ledger");
      if (report.path("ledger").isEmpty()) {
        out.println("  (no rows)");
      }
      for (JsonNode row : report.path("ledger")) {
        out.printf(
            Locale.ROOT,
            "  #%d %-10s %-9s %-16s %10s %s  [%s] %s%n",
            row.path("id").asLong(),
            row.path("kind").asText(),
            row.path("partyType").asText(),
            row.path("partyId").asText(),
            row.path("amount")
                .decimalValue()
                .setScale(2, java.math.RoundingMode.UNNECESSARY)
                .toPlainString(),
            row.path("currency").asText(),
            row.path("ruleRef").asText(),
            row.path("description").asText());
      }
    } catch (Exception e) {
      err.println("Could not read the call back: " + e.getMessage());
    }
  }

  /** Parsed command-line options. */
  static final class Options {
    String url = "http://localhost:8080";
    String token =
        System.getenv().getOrDefault("RINGTREE_TWILIO_AUTH_TOKEN", "ringtree-demo-auth-token");
    String apiKey = System.getenv("RINGTREE_API_KEY");
    // the demo's documented operator; the prod profile refuses to start while it still works
    String user =
        System.getenv().getOrDefault("RINGTREE_API_USER", "operator:ringtree-operator-demo");
    String number = "+18885550101";
    String from =
        "+1310555" + String.format(Locale.ROOT, "%04d", new java.util.Random().nextInt(10_000));
    String state = "CA";
    List<String> answers = new ArrayList<>();
    List<CallScript.Leg> legs = new ArrayList<>();
    int talkSeconds = 95;
    int liveSeconds = 0;
    int waitSeconds = 120;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          o.help = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--digits", "--zip" -> {
            if (!value.matches("[0-9*#]{1,32}")) {
              throw new IllegalArgumentException(flag + " takes keypad digits, not: " + value);
            }
            o.answers.add(value);
          }
          case "--say" -> o.answers.add("speech:" + value);
          case "--talk" -> o.talkSeconds = seconds(value);
          case "--live" -> o.liveSeconds = seconds(value);
          case "--wait" -> o.waitSeconds = seconds(value);
          case "--buyer" -> {
            for (String leg : value.split(",")) {
              o.legs.add(leg(leg.strip()));
            }
          }
          case "--number" -> o.number = value;
          case "--from" -> o.from = value;
          case "--state" -> o.state = value;
          case "--url" -> o.url = value.replaceAll("/$", "");
          case "--token" -> o.token = value;
          case "--api-key" -> o.apiKey = value;
          case "--user" -> {
            if (!value.contains(":")) {
              throw new IllegalArgumentException("--user takes USER:PASSWORD, not: " + value);
            }
            o.user = value;
            o.apiKey = null;
          }
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      return o;
    }

    /** An API key when there is one, else HTTP Basic. */
    String authorization() {
      if (apiKey != null && !apiKey.isBlank()) {
        return "Bearer " + apiKey.strip();
      }
      return "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    CallScript script() {
      return new CallScript(number, from, state, null, null, answers, legs, talkSeconds);
    }

    private static int seconds(String value) {
      String v = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
      try {
        int s = Integer.parseInt(v);
        if (s < 0 || s > 86_400) {
          throw new NumberFormatException();
        }
        return s;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("takes seconds, e.g. 95s, not: " + value);
      }
    }

    private static CallScript.Leg leg(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "answer", "answered", "completed" -> CallScript.Leg.ANSWER;
        case "busy" -> CallScript.Leg.BUSY;
        case "no-answer", "noanswer", "no_answer" -> CallScript.Leg.NO_ANSWER;
        case "failed", "fail" -> CallScript.Leg.FAILED;
        default ->
            throw new IllegalArgumentException(
                "--buyer takes answer, busy, no-answer or failed, not: " + value);
      };
    }
  }
}
