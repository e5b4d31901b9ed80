package org.ringtree.runtime.benchmark;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What any platform must do for a signed incoming-call webhook, and nothing more: check the same
 * Twilio signature with the same code, insert one row in the same database through the same pool,
 * answer a small TwiML document. The load generator drives it at the same rate as the real webhook,
 * in the same run, and reports Ringtree's latency as a multiple of this floor, which says more than
 * an absolute time that depends on the machine (docs/benchmarks.md).
 *
 * <p>Off unless {@code ringtree.benchmark.floor=true}: it writes rows for anyone who can sign.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ringtree.benchmark.floor", havingValue = "true")
public class FloorEndpoint {

  public static final String PATH = "/benchmark/floor";

  /** Like the voice webhooks, outside the security filter chains: the signature authenticates. */
  @Bean
  WebSecurityCustomizer floorOutsideTheChains() {
    return web ->
        web.ignoring().requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(PATH));
  }

  /** Found by component scanning, so it carries the same condition as its configuration. */
  @RestController
  @ConditionalOnProperty(name = "ringtree.benchmark.floor", havingValue = "true")
  static class FloorController {

    private final TwilioSignatures signatures;
    private final FloorStore rows;

    FloorController(TwilioSignatures signatures, FloorStore rows) {
      this.signatures = signatures;
      this.rows = rows;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> answer(HttpServletRequest request) {
      Map<String, String> form = new LinkedHashMap<>();
      request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
      String signature = request.getHeader(TwilioSignatures.HEADER);
      if (!signatures.isValid(PATH, request.getQueryString(), form, signature)) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("");
      }
      rows.add(form.get(TwilioWebhookFields.CALL_SID), form.get(TwilioWebhookFields.FROM));
      return ResponseEntity.ok(
          new VoiceResponse.Builder().say(new Say.Builder("Thank you.").build()).build().toXml());
    }
  }
}
