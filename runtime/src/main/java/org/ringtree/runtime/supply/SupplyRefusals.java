package org.ringtree.runtime.supply;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The bid endpoint's sign-in refusals, in the publisher's own shape: no or a bad API key (401), a
 * key of a user who is not a publisher (403). The security chain of {@code /rtb/**} uses it by its
 * bean name, so security needs no compile-time link to this feature.
 */
@Component("rtbRefusals")
class SupplyRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        request,
        response,
        401,
        "not signed in: send a publisher's API key as Authorization: Bearer <key> or X-Api-Key ("
            + e.getMessage()
            + ")");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, 403, "only a publisher's API key may ping for bids");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, int status, String why)
      throws IOException {
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Ringtree\"");
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        BidAnswers.refused(
            BidAnswers.shapeOf(request.getRequestURI()), SupplyBids.NoBidCode.DISABLED, why));
  }
}
