package org.ringtree.runtime.call;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * REST: the call log. {@code GET /api/calls?from=2026-12-01&to=2026-12-05&tz=America/New_York
 * &campaign=pi-accidents&status=completed&limit=100} answers {@code {"calls": [...], "next": "…"}}
 * newest first; pass {@code next} back as {@code cursor} for the following page. {@code GET
 * /api/calls.csv} streams every call the same filters match. The recording of one call is at {@code
 * /api/calls/{callSid}/recording} (with range requests). Parameters: {@link CallLogQuery}.
 */
@RestController
@RequestMapping("/api")
class CallLogController {

  private final CallLogStore log;
  private final CallRecordings recordings;

  CallLogController(CallLogStore log, CallRecordings recordings) {
    this.log = log;
    this.recordings = recordings;
  }

  /** A page of the log and the cursor of the next page (null: none). */
  record LogPage(List<CallLogStore.Row> calls, String next) {}

  @GetMapping(value = "/calls", produces = MediaType.APPLICATION_JSON_VALUE)
  LogPage calls(@RequestParam MultiValueMap<String, String> params) {
    CallLogQuery q = CallLogQuery.parse(single(params));
    CallLogStore.Page page = log.page(q.filter(), q.cursor(), q.limit());
    return new LogPage(page.rows(), CallLogQuery.encode(page.next()));
  }

  @GetMapping("/calls.csv")
  ResponseEntity<StreamingResponseBody> csv(@RequestParam MultiValueMap<String, String> params) {
    Map<String, String> values = single(params);
    if (values.containsKey("cursor") || values.containsKey("limit")) {
      String name = values.containsKey("cursor") ? "cursor" : "limit";
      throw new CallLogQuery.BadParameter(name, "the export has every matching call; no paging");
    }
    CallLogQuery q = CallLogQuery.parse(values);
    StreamingResponseBody body =
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
          CallLogCsv.header(w);
          log.export(q.filter(), row -> CallLogCsv.line(w, row));
          w.flush();
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ringtree-calls.csv\"")
        .body(body);
  }

  /** The recording through Ringtree, seekable: a {@code Range} header gets 206 or 416. */
  @GetMapping("/calls/{callSid}/recording")
  ResponseEntity<Resource> recording(
      @PathVariable String callSid,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
    return recordings.respond(callSid, range);
  }

  @ExceptionHandler(CallLogQuery.BadParameter.class)
  ResponseEntity<Map<String, String>> bad(CallLogQuery.BadParameter e) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage(), "parameter", e.parameter()));
  }

  @ExceptionHandler(CallRecordings.Unavailable.class)
  ResponseEntity<Map<String, String>> unavailable(CallRecordings.Unavailable e) {
    return CallRecordings.refusal(e);
  }

  /** One value per parameter; {@code status} may repeat (its values are joined). */
  private static Map<String, String> single(MultiValueMap<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (v.size() > 1 && !k.equals("status")) {
            throw new CallLogQuery.BadParameter(k, "given more than once");
          }
          out.put(k, String.join(",", v));
        });
    return out;
  }
}
