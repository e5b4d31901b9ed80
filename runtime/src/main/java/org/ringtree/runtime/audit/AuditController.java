package org.ringtree.runtime.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST: search the audit log by object, user, action and time, and export it as CSV. Admin and
 * compliance only (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditLogStore audit;

  AuditController(AuditLogStore audit) {
    this.audit = audit;
  }

  @GetMapping
  List<AuditEntry> search(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "asc") String order) {
    if (offset < 0 || !(order.equals("asc") || order.equals("desc"))) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "offset must be 0 or more and order asc or desc");
    }
    return audit.search(
        new AuditQuery(objectType, objectId, actor, action, from, to, Math.min(limit, 1000)),
        offset,
        order.equals("desc"));
  }

  /** How many entries match: with {@code offset}, what a client pages through. */
  @GetMapping("/count")
  java.util.Map<String, Integer> count(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to) {
    return java.util.Map.of(
        "count", audit.count(new AuditQuery(objectType, objectId, actor, action, from, to, 1)));
  }

  @GetMapping("/export.csv")
  void export(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
    audit.writeCsv(
        new AuditQuery(objectType, objectId, actor, action, from, to, AuditQuery.MAX_LIMIT),
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }
}
