package org.ringtree.runtime.cost;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Recording;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's prices through its Java SDK: {@code GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}}
 * (the inbound leg), the same list filtered by {@code ParentCallSid} (the legs it dialled) and
 * {@code …/Recordings/{Sid}}. Each carries {@code price} and {@code price_unit}, null until Twilio
 * has priced it. With a base URL other than Twilio's (a Twilio-compatible API, or a test's server
 * on loopback) requests go there instead, same paths.
 */
final class TwilioPrices implements ProviderPrices {

  private static final int NOT_FOUND = 404;

  private final TwilioRestClient client;

  TwilioPrices(String accountSid, String authToken, String apiBase) {
    TwilioRestClient.Builder builder = new TwilioRestClient.Builder(accountSid, authToken);
    if (apiBase != null && !apiBase.isBlank()) {
      builder.httpClient(new Rebased(URI.create(apiBase)));
    }
    this.client = builder.build();
  }

  @Override
  public Optional<Price> call(String callSid) {
    Call call = fetchCall(callSid);
    return call == null ? Optional.empty() : price(call.getSid(), call.getPrice(), unit(call));
  }

  @Override
  public Optional<List<Price>> dialledLegs(String callSid) {
    List<Price> out = new ArrayList<>();
    try {
      for (Call child : Call.reader().setParentCallSid(callSid).read(client)) {
        Optional<Price> p = price(child.getSid(), child.getPrice(), unit(child));
        if (p.isEmpty()) {
          return Optional.empty();
        }
        out.add(p.get());
      }
    } catch (ApiException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(out);
  }

  @Override
  public Optional<Price> recording(String recordingSid) {
    Recording r;
    try {
      r = Recording.fetcher(recordingSid).fetch(client);
    } catch (ApiException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return r == null ? Optional.empty() : price(r.getSid(), r.getPrice(), r.getPriceUnit());
  }

  private Call fetchCall(String callSid) {
    try {
      return Call.fetcher(callSid).fetch(client);
    } catch (ApiException e) {
      if (notFound(e)) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Twilio's 2010 API states the HTTP status in the error body's {@code status} (the SDK's {@code
   * getStatusCode}); newer APIs in {@code http_status_code}: either means not found.
   */
  private static boolean notFound(ApiException e) {
    return Integer.valueOf(NOT_FOUND).equals(e.getStatusCode())
        || Integer.valueOf(NOT_FOUND).equals(e.getHttpStatusCode());
  }

  private static String unit(Call call) {
    return call.getPriceUnit() == null ? null : call.getPriceUnit().getCurrencyCode();
  }

  private static Optional<Price> price(String sid, String price, String unit) {
    if (price == null || price.isBlank() || unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Price(sid, new BigDecimal(price.strip()), unit.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Sends the SDK's requests to another base URL: same method, path, query, auth. */
  static final class Rebased extends HttpClient {

    private final URI base;
    private final NetworkHttpClient network = new NetworkHttpClient();

    Rebased(URI base) {
      this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
      URI original = URI.create(request.getUrl());
      Request moved =
          new Request(
              request.getMethod(),
              base.getScheme() + "://" + base.getRawAuthority() + original.getRawPath());
      if (request.getAuthStrategy() != null) {
        moved.setAuth(request.getAuthStrategy());
      } else {
        moved.setAuth(request.getUsername(), request.getPassword());
      }
      for (Map.Entry<String, List<String>> q : request.getQueryParams().entrySet()) {
        for (String v : q.getValue()) {
          moved.addQueryParam(q.getKey(), v);
        }
      }
      return network.makeRequest(moved);
    }
  }
}
