package org.ringtree.runtime.telephony;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import java.util.Optional;
import org.ringtree.integrations.twilio.TwilioWebhookFields.CallStatus;
import org.ringtree.runtime.call.CallRecords;

/** Twilio's call record over its REST API ({@code GET /2010-04-01/Accounts/…/Calls/{sid}}). */
final class TwilioCallRecords implements CallRecords {

  private static final int NOT_FOUND = 404;

  private final TwilioRestClient client;

  TwilioCallRecords(String accountSid, String authToken) {
    this.client = new TwilioRestClient.Builder(accountSid, authToken).build();
  }

  @Override
  public Optional<ProviderCall> fetch(String callSid) {
    Call call;
    try {
      call = Call.fetcher(callSid).fetch(client);
    } catch (ApiException e) {
      if (Integer.valueOf(NOT_FOUND).equals(e.getHttpStatusCode())) {
        return Optional.empty();
      }
      throw e;
    }
    if (call == null || call.getStatus() == null) {
      return Optional.empty();
    }
    String status = call.getStatus().toString();
    boolean ended = CallStatus.tryParse(status).map(CallStatus::isFinal).orElse(false);
    return Optional.of(new ProviderCall(status, ended, seconds(call.getDuration())));
  }

  private static Integer seconds(String duration) {
    try {
      return duration == null || duration.isBlank() ? null : Integer.valueOf(duration.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
