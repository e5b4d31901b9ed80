package org.ringtree.runtime.billing;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals of the money endpoints into JSON errors: {"error": "..."}. */
@RestControllerAdvice(
    basePackages = {
      "org.ringtree.runtime.billing",
      "org.ringtree.runtime.postback",
      "org.ringtree.runtime.portal"
    })
class MoneyProblemAdvice {

  @ExceptionHandler(MoneyProblem.class)
  ResponseEntity<Map<String, String>> problem(MoneyProblem p) {
    return ResponseEntity.status(p.status()).body(Map.of("error", p.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
    return ResponseEntity.unprocessableEntity()
        .body(Map.of("error", String.valueOf(e.getMessage())));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<Map<String, String>> noActor(MissingRequestHeaderException e) {
    return ResponseEntity.badRequest().body(Map.of("error", "missing header " + e.getHeaderName()));
  }
}
