package org.ringtree.tools.driver;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ringtree.integrations.twilio.TwilioWebhookFields;

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
                             [--warmup 2000] [--warmup-seconds 0] [--floor on|off]
        incoming: one signed incoming-call webhook per call (latency = webhook -> TwiML)
        ivr:      whole calls (menu, zip, route with live buyer pings, dial, status)
        latency is measured from each call's scheduled start; --warmup unmeasured webhooks go
        first, one by one, then --warmup-seconds of unmeasured incoming webhooks at the top rate
        floor (incoming mode): each step is also run against the platform's benchmark floor (a
        bare endpoint checking the same signature and inserting one row; start the platform with
        --ringtree.benchmark.floor=true) and the webhook's latency is reported as a multiple of it
      """;

  /**
   * The platform's benchmark floor (served with {@code ringtree.benchmark.floor=true}); a runtime
   * test keeps it equal to the path the platform serves.
   */
  public static final String FLOOR_PATH = "/benchmark/floor";

  /** Connections of the incoming-mode sender: requests beyond that many in flight wait. */
  private static final int CONNECTIONS = 64;

  private LoadGenerator() {}

  public static void main(String[] args) {
    run(args);
    System.exit(0);
  }

  /**
   * The whole run, printed to standard output; returns when it is done (a benchmark that runs it
   * twice in one JVM, e.g. the fraud defences on and off, calls this rather than {@link #main}).
   */
  public static void run(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("mode", "incoming");
    o.put("rates", "50,100,200,300");
    o.put("seconds", "10");
    o.put("url", "http://localhost:8080");
    o.put(
        "token",
        System.getenv().getOrDefault("RINGTREE_TWILIO_AUTH_TOKEN", "ringtree-demo-auth-token"));
    o.put("number", "+18885550101");
    o.put("warmup", "2000");
    o.put("warmup-seconds", "0");
    o.put("floor", "on");
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(USAGE);
      System.exit(0);
    }
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
    ServerLatency server = new ServerLatency(o.get("url"), TwilioDriver.INCOMING_PATH);
    ServerLatency floorServer = new ServerLatency(o.get("url"), FLOOR_PATH);
    warmUp(driver, TwilioDriver.INCOMING_PATH, o.get("number"), Integer.parseInt(o.get("warmup")));
    int warmUpSeconds = Integer.parseInt(o.get("warmup-seconds"));
    List<Integer> rates =
        Arrays.stream(o.get("rates").split(",")).map(r -> Integer.parseInt(r.strip())).toList();
    boolean incoming = o.get("mode").equals("incoming");
    boolean floor = incoming && o.get("floor").equals("on") && floorServed(driver, out);
    if (floor) {
      warmUp(driver, FLOOR_PATH, o.get("number"), Integer.parseInt(o.get("warmup")));
    }
    // every signed request of the run built first: signing and encoding thousands of requests
    // between steps made the generator's own JIT compile on the shared cores as a step began
    int top = rates.stream().mapToInt(Integer::intValue).max().orElse(100);
    List<byte[]> warmUpLoad =
        incomingRequests(driver, TwilioDriver.INCOMING_PATH, o.get("number"), top * warmUpSeconds);
    List<byte[]> floorWarmUpLoad =
        floor
            ? incomingRequests(driver, FLOOR_PATH, o.get("number"), top * warmUpSeconds)
            : List.of();
    List<List<byte[]>> stepLoads = new ArrayList<>();
    List<List<byte[]>> floorLoads = new ArrayList<>();
    for (int rate : rates) {
      stepLoads.add(
          incoming
              ? incomingRequests(
                  driver, TwilioDriver.INCOMING_PATH, o.get("number"), rate * seconds)
              : List.of());
      floorLoads.add(
          floor
              ? incomingRequests(driver, FLOOR_PATH, o.get("number"), rate * seconds)
              : List.of());
    }
    try (RawHttpSender sender = new RawHttpSender(URI.create(o.get("url")), CONNECTIONS)) {
      if (warmUpSeconds > 0) {
        // the same load shape as the measured steps: a sequential warm-up leaves the JIT
        // compiling Tomcat's, Spring's and the driver's concurrent paths inside the first fast
        // step. Metrics are scraped every second meanwhile, as a monitoring system would: the
        // scrapes between the measured steps otherwise hit a JIT that compiled for webhooks only,
        // and the deoptimisation storm they cause shows as seconds of interpreted webhooks.
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
        scraper.scheduleAtFixedRate(server::snapshot, 1, 1, TimeUnit.SECONDS);
        runIncoming(sender, warmUpLoad, top);
        if (floor) {
          runIncoming(sender, floorWarmUpLoad, top);
        }
        scraper.shutdownNow();
      }
      out.println("rate/s  sent  ok  errors  achieved/s     p50 ms   p95 ms   p99 ms   max ms");
      // the steps at the top rate are also summed up: more requests, a steadier tail
      Map<Double, Double> topServer = new TreeMap<>();
      Map<Double, Double> topFloorServer = new TreeMap<>();
      List<Result> topSteps = new ArrayList<>();
      List<Result> topFloorSteps = new ArrayList<>();
      for (int step = 0; step < rates.size(); step++) {
        int rate = rates.get(step);
        Map<Double, Double> before = server.snapshot();
        Result r =
            incoming
                ? runIncoming(sender, stepLoads.get(step), rate)
                : runCalls(driver, o.get("number"), rate, seconds);
        Map<Double, Double> after = server.snapshot();
        print(out, r);
        if (incoming) {
          out.println("       " + ServerLatency.percentiles(before, after));
        }
        if (rate == top) {
          topSteps.add(r);
          addDelta(topServer, before, after);
        }
        if (floor) {
          // the same rate right after, so both see the same machine and the same database
          Map<Double, Double> floorBefore = floorServer.snapshot();
          Result f = runIncoming(sender, floorLoads.get(step), rate);
          Map<Double, Double> floorAfter = floorServer.snapshot();
          out.print(" floor ");
          print(out, f);
          out.println("       floor " + ServerLatency.percentiles(floorBefore, floorAfter));
          if (rate == top) {
            topFloorSteps.add(f);
            addDelta(topFloorServer, floorBefore, floorAfter);
          }
        }
      }
      if (topSteps.size() > 1) {
        out.printf(Locale.ROOT, "all %d steps at %d/s together:%n", topSteps.size(), top);
        print(out, Result.combined(topSteps));
        if (incoming) {
          out.println("       " + ServerLatency.percentiles(Map.of(), topServer));
        }
      }
      if (floor && !topFloorSteps.isEmpty()) {
        Result webhook = Result.combined(topSteps);
        Result bare = Result.combined(topFloorSteps);
        out.printf(
            Locale.ROOT, "floor, all %d steps at %d/s together:%n", topFloorSteps.size(), top);
        print(out, bare);
        out.println("       floor " + ServerLatency.percentiles(Map.of(), topFloorServer));
        out.println(ratios(webhook, bare, topServer, topFloorServer));
      }
    }
  }

  private static void addDelta(
      Map<Double, Double> sum, Map<Double, Double> before, Map<Double, Double> after) {
    after.forEach((le, n) -> sum.merge(le, n - before.getOrDefault(le, 0.0), Double::sum));
  }

  /** The webhook's percentiles as multiples of the floor's, client-side and server-side. */
  static String ratios(
      Result webhook,
      Result floor,
      Map<Double, Double> webhookServer,
      Map<Double, Double> floorServer) {
    double[] w = ServerLatency.bounds(Map.of(), webhookServer);
    double[] f = ServerLatency.bounds(Map.of(), floorServer);
    return String.format(
        Locale.ROOT,
        "webhook / floor at the top rate: client p50 %.2f×, p99 %.2f×; server-side p50 %.2f×,"
            + " p99 %.2f×",
        webhook.percentile(50) / floor.percentile(50),
        webhook.percentile(99) / floor.percentile(99),
        w[0] / f[0],
        w[2] / f[2]);
  }

  /** Whether the platform serves the floor; says how to turn it on when it does not. */
  private static boolean floorServed(TwilioDriver driver, PrintStream out) {
    WebhookExchange probe = driver.post(FLOOR_PATH, incoming("+18885550100"));
    if (probe.status() == 200) {
      return true;
    }
    out.println(
        "no benchmark floor (HTTP "
            + probe.status()
            + "): start the platform with --ringtree.benchmark.floor=true to compare with it");
    return false;
  }

  private static void print(PrintStream out, Result r) {
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

  record Result(int rate, int sent, int ok, int errors, double achieved, long[] nanos) {

    static Result combined(List<Result> steps) {
      long[] all = steps.stream().flatMapToLong(r -> Arrays.stream(r.nanos)).sorted().toArray();
      return new Result(
          steps.get(0).rate,
          steps.stream().mapToInt(Result::sent).sum(),
          steps.stream().mapToInt(Result::ok).sum(),
          steps.stream().mapToInt(Result::errors).sum(),
          steps.stream().mapToDouble(Result::achieved).average().orElse(0),
          all);
    }

    double percentile(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  /** Unmeasured calls first, so the platform's JIT has compiled the webhook path. */
  private static void warmUp(TwilioDriver driver, String path, String number, int calls) {
    for (int i = 0; i < calls; i++) {
      driver.post(path, incoming(number));
    }
  }

  /** Signed incoming-call webhooks from random callers, as raw HTTP requests. */
  private static List<byte[]> incomingRequests(
      TwilioDriver driver, String path, String number, int count) {
    List<byte[]> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(driver.signedRawRequest(path, incoming(number)));
    }
    return requests;
  }

  /**
   * Incoming webhooks only, sent on a fixed schedule at {@code rate} per second by one thread and
   * answered on the sender's connections. Latency is measured from each request's scheduled time,
   * so a generator falling behind shows as latency, not as a lower rate.
   */
  private static Result runIncoming(RawHttpSender sender, List<byte[]> requests, int rate) {
    int total = requests.size();
    long[] latencies = new long[total];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      sleepUntil(due);
      int index = i;
      sender.send(
          requests.get(i),
          (status, failure) -> {
            latencies[index] = System.nanoTime() - due;
            (failure == null && status == 200 ? ok : errors).incrementAndGet();
            done.countDown();
          });
    }
    await(done);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Result(rate, total, ok.get(), errors.get(), ok.get() / elapsed, sorted);
  }

  /** Whole IVR calls, each followed step by step on its own thread, as a caller would. */
  private static Result runCalls(TwilioDriver driver, String number, int rate, int seconds) {
    int total = rate * seconds;
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(512, Math.max(16, rate)));
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      sleepUntil(due);
      workers.submit(
          () -> {
            try {
              CallTranscript t =
                  driver.place(
                      CallScript.demo()
                          .withTrackingNumber(number)
                          .withCaller(randomCaller(), "CA", "90210"));
              boolean success = t.exchanges().stream().allMatch(e -> e.status() / 100 == 2);
              latencies.add(System.nanoTime() - due);
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

  private static void sleepUntil(long due) {
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void await(CountDownLatch done) {
    try {
      if (!done.await(5, TimeUnit.MINUTES)) {
        System.err.println("some requests were still unanswered after 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> incoming(String number) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TwilioWebhookFields.CALL_SID, "CA" + UUID.randomUUID().toString().replace("-", ""));
    p.put(TwilioWebhookFields.ACCOUNT_SID, "AC" + "0".repeat(32));
    p.put(TwilioWebhookFields.FROM, incomingCaller());
    p.put(TwilioWebhookFields.TO, number);
    p.put(TwilioWebhookFields.CALL_STATUS, "ringing");
    p.put(TwilioWebhookFields.DIRECTION, "inbound");
    p.put(TwilioWebhookFields.FROM_STATE, "CA");
    p.put(TwilioWebhookFields.FROM_ZIP, "90210");
    return p;
  }

  /** Callers of the incoming load so far, for repeat calls. */
  private static final List<String> CALLERS = new ArrayList<>();

  /**
   * One incoming call in twenty is from a number that called before, as on a real network (repeat
   * and duplicate callers): their history is read, so the platform's JIT compiles that path during
   * the warm-up rather than deoptimising in the middle of a measured step the first time it sees
   * one.
   */
  private static String incomingCaller() {
    if (!CALLERS.isEmpty() && ThreadLocalRandom.current().nextInt(20) == 0) {
      return CALLERS.get(ThreadLocalRandom.current().nextInt(CALLERS.size()));
    }
    String caller = randomCaller();
    CALLERS.add(caller);
    return caller;
  }

  private static String randomCaller() {
    return "+1310" + String.format(Locale.ROOT, "%07d", (int) (Math.random() * 10_000_000));
  }
}
