package org.ringtree.runtime.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address under {@code /api} that no endpoint serves answers a JSON 404 naming it, whatever the
 * client accepts: API clients parse errors as JSON, and a browser must not be shown the console's
 * page as if the call had worked.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiNotFound {

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, String>> notFound(
      NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      throw e;
    }
    return ResponseEntity.status(404)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", "no such endpoint: " + request.getMethod() + " " + path));
  }
}
