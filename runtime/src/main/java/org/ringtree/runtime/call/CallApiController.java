package org.ringtree.runtime.call;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: one call with its trace and ledger rows. */
@RestController
@RequestMapping("/api/calls")
class CallApiController {

  private final CallReportStore calls;

  CallApiController(CallReportStore calls) {
    this.calls = calls;
  }

  @GetMapping("/{callSid}")
  ResponseEntity<CallReport> call(@PathVariable String callSid) {
    return ResponseEntity.of(calls.report(callSid));
  }
}
