package org.ringtree.runtime.console;

import java.util.Map;
import org.ringtree.editor.calls.CallLogPort;
import org.ringtree.runtime.call.CallRecordings;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call detail's audio player: the recording through Ringtree, for the signed-in console user
 * (the session of the screens, which the REST API does not take), with range requests so the player
 * can seek. The same roles as the call detail screen.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsoleRecordings {

  private final CallRecordings recordings;

  ConsoleRecordings(CallRecordings recordings) {
    this.recordings = recordings;
  }

  @GetMapping("/" + CallLogPort.RECORDINGS + "{callSid}")
  public ResponseEntity<Resource> recording(
      @PathVariable String callSid,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
    return recordings.respond(callSid, range);
  }

  @ExceptionHandler(CallRecordings.Unavailable.class)
  ResponseEntity<Map<String, String>> unavailable(CallRecordings.Unavailable e) {
    return ResponseEntity.status(e.missing() ? 404 : 502)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage()));
  }
}
