package org.ringtree.runtime.telephony;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.ringtree.integrations.twilio.TwilioWebhookFields.CallStatus;
import org.ringtree.integrations.twilio.TwilioWebhookFields.DialCallStatus;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.runtime.call.CallArrivals;
import org.ringtree.runtime.call.CallSteps;
import org.ringtree.runtime.call.IncomingCall;
import org.ringtree.runtime.call.ProviderCallbacks;
import org.ringtree.runtime.call.UnknownCallException;
import org.ringtree.runtime.database.DatabaseAvailability;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

/**
 * The voice webhooks Twilio (or any TwiML provider) calls, one handler per webhook. Signatures are
 * checked in front of all of them ({@link WebhookSignatureFilter}); here the fields are validated,
 * the call moves on, and the answer is TwiML. Whatever fails inside — malformed fields included —
 * the caller still gets valid TwiML in time: the flow's own handling when the call is known, else
 * an apology, never silence, a 400 or a 500. The status and recording callbacks, which no caller
 * hears, answer 400 with the reason only when the event cannot be stored at all.
 */
@RestController
class VoiceWebhookController implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);
  private static final MediaType XML = MediaType.APPLICATION_XML;

  private final CallArrivals arrivals;
  private final CallSteps steps;
  private final ProviderCallbacks callbacks;
  private final TwimlReplyRenderer renderer;
  private final Duration answerBudget;
  private final Duration answerDeadline;
  private final ExecutorService workers;

  private final DatabaseAvailability database;
  private final BusinessMetrics metrics;

  VoiceWebhookController(
      CallArrivals arrivals,
      CallSteps steps,
      ProviderCallbacks callbacks,
      TwimlReplyRenderer renderer,
      @Value("${ringtree.webhooks.answer-budget:10s}") Duration answerBudget,
      @Value("${ringtree.webhooks.answer-grace:3s}") Duration answerGrace,
      DatabaseAvailability database,
      BusinessMetrics metrics) {
    this.database = database;
    this.metrics = metrics;
    this.arrivals = arrivals;
    this.steps = steps;
    this.callbacks = callbacks;
    this.renderer = renderer;
    this.answerBudget = answerBudget;
    this.answerDeadline = answerBudget.plus(answerGrace);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "webhook-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A webhook a caller is waiting on: whatever happens, it answers TwiML. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface CallerWaits {}

  @Override
  public void destroy() {
    workers.shutdown();
  }

  @CallerWaits
  @PostMapping(WebhookPaths.INCOMING)
  ResponseEntity<String> incoming(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    return twiml(
        () ->
            arrivals.incoming(
                new IncomingCall(
                    callSid,
                    form.required(TwilioWebhookFields.FROM),
                    form.required(TwilioWebhookFields.TO),
                    form.optional(TwilioWebhookFields.FROM_CITY),
                    form.optional(TwilioWebhookFields.FROM_STATE),
                    form.optional(TwilioWebhookFields.FROM_ZIP),
                    form.optional(TwilioWebhookFields.FROM_COUNTRY),
                    StirVerstat.of(form.optional(TwilioWebhookFields.STIR_VERSTAT)),
                    form.all())));
  }

  @CallerWaits
  @PostMapping(WebhookPaths.GATHER)
  ResponseEntity<String> gather(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    String digits;
    try {
      digits = form.digits();
    } catch (BadWebhookException e) {
      log.warn("Call {}: {}; taken as no input, so the flow retries", callSid, e.getMessage());
      digits = "";
    }
    String speech = form.optional(TwilioWebhookFields.SPEECH_RESULT);
    String heard = digits;
    return twiml(() -> steps.gather(callSid, n, heard, speech, form.all()));
  }

  @CallerWaits
  @PostMapping(WebhookPaths.DIAL)
  ResponseEntity<String> dial(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    int talk;
    try {
      talk = form.seconds(TwilioWebhookFields.DIAL_CALL_DURATION);
    } catch (BadWebhookException e) {
      log.warn("Call {}: {}; taken as 0 s of talk", callSid, e.getMessage());
      talk = 0;
    }
    boolean connected;
    String outcome;
    try {
      DialCallStatus status =
          form.parsed(TwilioWebhookFields.DIAL_CALL_STATUS, DialCallStatus::tryParse);
      connected = status.connected();
      outcome = status.wireValue();
    } catch (BadWebhookException e) {
      // the provider reports a talk time only for an answered leg
      connected = talk > 0;
      outcome = connected ? DialCallStatus.COMPLETED.wireValue() : "failed";
      log.warn("Call {}: {}; taken as {}", callSid, e.getMessage(), outcome);
    }
    boolean answered = connected;
    String dialOutcome = outcome;
    int talked = talk;
    return twiml(() -> steps.dialed(callSid, n, answered, dialOutcome, talked, form.all()));
  }

  @CallerWaits
  @PostMapping(WebhookPaths.RECORD)
  ResponseEntity<String> record(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    String url = form.optional(TwilioWebhookFields.RECORDING_URL);
    return twiml(() -> steps.recorded(callSid, n, url, form.all()));
  }

  @PostMapping(WebhookPaths.STATUS)
  ResponseEntity<String> status(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    CallStatus status = form.parsed(TwilioWebhookFields.CALL_STATUS, CallStatus::tryParse);
    Integer total;
    try {
      total = form.seconds(TwilioWebhookFields.CALL_DURATION);
    } catch (BadWebhookException e) {
      log.warn("Call {}: {}; the end is stored without a duration", callSid, e.getMessage());
      total = null;
    }
    if (database.knownDown()) {
      return statusNotStored(callSid);
    }
    try {
      callbacks.status(callSid, status.wireValue(), status.isFinal(), total, form.all());
    } catch (RuntimeException e) {
      database.failed(e);
      if (!database.knownDown()) {
        throw e;
      }
      return statusNotStored(callSid);
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * The database is unreachable: answered at once rather than after the pool's wait, and the call
   * is not lost, since the reconciler asks the carrier for calls whose end never arrived.
   */
  private ResponseEntity<String> statusNotStored(String callSid) {
    log.warn("Status of call {} not stored: the database is unreachable", callSid);
    return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "30")
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body("database unreachable; the call's end is fetched from the carrier later\n");
  }

  /**
   * A dialled buyer leg answered (its {@code answered} call-progress event): the call shows as
   * connected while the leg talks. Sent to the leg's {@code statusCallback}, so {@code CallSid} is
   * the leg's and {@code ParentCallSid} the caller's; nobody hears the answer.
   */
  @PostMapping(WebhookPaths.LEG)
  ResponseEntity<String> leg(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.CALL_PARAM, required = false) String call,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String parent = form.sid(TwilioWebhookFields.PARENT_CALL_SID);
    java.util.UUID callId = WebhookForm.callId(call);
    int n = WebhookForm.step(step);
    CallStatus status = form.parsed(TwilioWebhookFields.CALL_STATUS, CallStatus::tryParse);
    if (status != CallStatus.IN_PROGRESS) {
      // only the answer is asked for; any other event of the leg is the dial action's business
      log.debug("Call {}: leg event {} ignored", parent, status.wireValue());
      return ResponseEntity.noContent().build();
    }
    if (database.knownDown()) {
      log.warn(
          "Answer of the buyer leg of call {} not stored: the database is unreachable", parent);
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "30")
          .contentType(MediaType.TEXT_PLAIN)
          .body("database unreachable; the leg's end still reports the answer\n");
    }
    ProviderCallbacks.LegAnswer answer;
    try {
      answer = callbacks.answered(parent, callId, n, form.all());
    } catch (RuntimeException e) {
      database.failed(e);
      throw e;
    }
    if (answer == ProviderCallbacks.LegAnswer.OTHER_CALL) {
      throw new BadWebhookException("ParentCallSid " + parent + " is not the call in the URL");
    }
    log.debug("Call {}: buyer leg answered at step {}: {}", parent, n, answer);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(WebhookPaths.RECORDING)
  ResponseEntity<String> recording(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    String url = form.required(TwilioWebhookFields.RECORDING_URL);
    String sid = form.required(TwilioWebhookFields.RECORDING_SID);
    Integer seconds;
    try {
      seconds = form.seconds(TwilioWebhookFields.RECORDING_DURATION);
    } catch (BadWebhookException e) {
      log.warn("Call {}: {}; the recording is stored without a duration", callSid, e.getMessage());
      seconds = null;
    }
    callbacks.recording(callSid, url, sid, seconds, form.all());
    return ResponseEntity.noContent().build();
  }

  /** Signed like every webhook; the end of a campaign fallback's dial or voicemail. */
  @PostMapping(WebhookPaths.FALLBACK_DONE)
  ResponseEntity<String> fallbackDone() {
    return ok(renderer.hangup());
  }

  /** The campaign fallback for the tracking number this request was for (from memory). */
  private String fallback(String reason) {
    metrics.fallback(reason);
    String to = null;
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
      to = attributes.getRequest().getParameter(TwilioWebhookFields.TO);
    }
    return renderer.fallback(to);
  }

  /**
   * Computes the answer on a worker thread and waits for it at most the answer budget plus its
   * grace: FlowStepper already keeps connectors and pings within the budget, and this is the
   * backstop for anything else that is slow (a lock, the database). Work still running then is left
   * to finish and save what it computed, which its trace shows; the caller hears an apology.
   */
  private ResponseEntity<String> twiml(Supplier<String> answer) {
    if (database.knownDown()) {
      log.warn("The database is unreachable; the campaign fallback (from memory) answers");
      return ok(fallback("database-down"));
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Future<String> work;
    try {
      work =
          workers.submit(
              () -> {
                if (mdc != null) {
                  MDC.setContextMap(mdc);
                }
                try {
                  return answer.get();
                } finally {
                  MDC.clear();
                }
              });
    } catch (RejectedExecutionException e) {
      log.error(
          "Webhook refused by its worker pool (shutting down); the campaign fallback answers");
      return ok(fallback("shutting-down"));
    }
    try {
      return ok(work.get(answerDeadline.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      log.error(
          "Webhook not answered within {} ms (budget {} ms); the campaign fallback takes the"
              + " caller and the late work goes on",
          answerDeadline.toMillis(),
          answerBudget.toMillis());
      return ok(fallback("late"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ok(fallback("interrupted"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      database.failed(cause);
      if (cause instanceof UnknownCallException) {
        log.warn("{}; the campaign fallback answers", cause.getMessage());
      } else {
        log.error("Webhook failed; the campaign fallback takes the caller", cause);
      }
      return ok(fallback(cause instanceof UnknownCallException ? "unknown-call" : "error"));
    }
  }

  private static ResponseEntity<String> ok(String twiml) {
    return ResponseEntity.ok().contentType(XML).body(twiml);
  }

  /**
   * A signed webhook with fields we cannot use. A caller is waiting on the call-flow webhooks, and
   * to them a 400 sounds like a broken line: they hear an apology and the call ends cleanly. The
   * status and recording callbacks answer 400 with the reason (nothing could be stored).
   */
  @ExceptionHandler(BadWebhookException.class)
  ResponseEntity<String> malformed(
      BadWebhookException e, HttpServletRequest request, HandlerMethod handler) {
    String callSid = WebhookForm.printable(request.getParameter(TwilioWebhookFields.CALL_SID));
    String path = request.getRequestURI();
    if (!handler.hasMethodAnnotation(CallerWaits.class)) {
      log.warn("Refused a malformed {} callback for call {}: {}", path, callSid, e.getMessage());
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .contentType(MediaType.TEXT_PLAIN)
          .body(e.getMessage() + "\n");
    }
    log.warn(
        "Malformed {} webhook for call {}: {}; the campaign fallback answers",
        path,
        callSid,
        e.getMessage());
    return ok(fallback("malformed"));
  }
}
