package org.ringtree.runtime.driver;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.ringtree.runtime.telephony.WebhookPaths;

/**
 * {@code ./ringtree load}: an open-loop load generator over loopback. At each rate it starts calls
 * on a fixed schedule (not waiting for answers, as real callers don't) and reports throughput and
 * latency percentiles — of the incoming-call webhook alone, or of whole IVR calls.
 */
public final class LoadGenerator {

  static final String USAGE =
      """
      usage: ./ringtree load [--mode incoming|ivr] [--rates 50,100,200,300] [--seconds 10]
                             [--url http://localhost:8080] [--token TOKEN] [--number E164]
        incoming: one signed incoming-call webhook per call (latency = webhook -> TwiML)
        ivr:      whole calls (menu, zip, route with live buyer pings, dial, status)
      """;

  private LoadGenerator() {}

  public static void main(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("mode", "incoming");
    o.put("rates", "50,100,200,300");
    o.put("seconds", "10");
    o.put("url", "http://localhost:8080");
    o.put(
        "token",
        System.getenv().getOrDefault("RINGTREE_TWILIO_AUTH_TOKEN", "ringtree-demo-auth-token"));
    o.put("number", "+18885550101");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !o.containsKey(args[i].substring(2))) {
        System.err.print(USAGE);
        System.exit(2);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    TwilioDriver driver = new TwilioDriver(o.get("url"), o.get("token"));
    int seconds = Integer.parseInt(o.get("seconds"));
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "mode %s, %d s per rate, %d cores, target %s%n",
        o.get("mode"),
        seconds,
        Runtime.getRuntime().availableProcessors(),
        o.get("url"));
    out.println("rate/s  sent  ok  errors  achieved/s     p50 ms   p95 ms   p99 ms   max ms");
    warmUp(driver, o.get("number"));
    for (String rate : o.get("rates").split(",")) {
      Result r =
          run(driver, o.get("mode"), o.get("number"), Integer.parseInt(rate.strip()), seconds);
      out.printf(
          Locale.ROOT,
          "%6d %5d %5d %6d %10.1f %9.2f %8.2f %8.2f %8.2f%n",
          r.rate,
          r.sent,
          r.ok,
          r.errors,
          r.achieved,
          r.percentile(50),
          r.percentile(95),
          r.percentile(99),
          r.percentile(100));
    }
    System.exit(0);
  }

  private record Result(int rate, int sent, int ok, int errors, double achieved, long[] nanos) {
    double percentile(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  private static void warmUp(TwilioDriver driver, String number) {
    for (int i = 0; i < 200; i++) {
      driver.post(WebhookPaths.INCOMING, incoming(number));
    }
  }

  private static Result run(
      TwilioDriver driver, String mode, String number, int rate, int seconds) {
    int total = rate * seconds;
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(512, Math.max(16, rate)));
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      workers.submit(
          () -> {
            long t0 = System.nanoTime();
            try {
              boolean success;
              if (mode.equals("ivr")) {
                CallTranscript t =
                    driver.place(
                        CallScript.demo()
                            .withTrackingNumber(number)
                            .withCaller(randomCaller(), "CA", "90210"));
                success = t.exchanges().stream().allMatch(e -> e.status() / 100 == 2);
              } else {
                success = driver.post(WebhookPaths.INCOMING, incoming(number)).status() == 200;
              }
              latencies.add(System.nanoTime() - t0);
              (success ? ok : errors).incrementAndGet();
            } catch (RuntimeException e) {
              errors.incrementAndGet();
            }
          });
    }
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(rate, total, ok.get(), errors.get(), ok.get() / elapsed, sorted);
  }

  private static Map<String, String> incoming(String number) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TwilioWebhookFields.CALL_SID, "CA" + UUID.randomUUID().toString().replace("-", ""));
    p.put(TwilioWebhookFields.ACCOUNT_SID, "AC" + "0".repeat(32));
    p.put(TwilioWebhookFields.FROM, randomCaller());
    p.put(TwilioWebhookFields.TO, number);
    p.put(TwilioWebhookFields.CALL_STATUS, "ringing");
    p.put(TwilioWebhookFields.DIRECTION, "inbound");
    p.put(TwilioWebhookFields.FROM_STATE, "CA");
    p.put(TwilioWebhookFields.FROM_ZIP, "90210");
    return p;
  }

  private static String randomCaller() {
    return "+1310" + String.format(Locale.ROOT, "%07d", (int) (Math.random() * 10_000_000));
  }
}
