package org.ringtree.runtime.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its endpoint accepts with {@code 413}, before any of it is
 * parsed: by its {@code Content-Length}, or, for a body sent without one (chunked), by reading at
 * most one byte past the limit and handing the bytes on. Form and multipart bodies without a length
 * are left to the container's own limits ({@code server.tomcat.max-http-form-post-size}, the
 * multipart settings), which read them. A flow document submitted over the API and the console's
 * own requests (which save and upload flows) may be up to {@code max-flow-body}; everything else up
 * to {@code max-body}. The voice webhooks have their own 2 MB cap where the signature is checked.
 */
final class BodySizeFilter extends OncePerRequestFilter {

  private final long maxBody;
  private final long maxFlowBody;

  BodySizeFilter(long maxBody, long maxFlowBody) {
    this.maxBody = maxBody;
    this.maxFlowBody = maxFlowBody;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return LimitedPaths.kind(request) == LimitedPaths.Kind.WEBHOOK;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    long length = request.getContentLengthLong();
    if (length > limit) {
      Refusals.tooLarge(response, limit);
      return;
    }
    if (length < 0 && hasBody(request) && !isForm(request.getContentType())) {
      byte[] body =
          request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
      if (body.length > limit) {
        Refusals.tooLarge(response, limit);
        return;
      }
      chain.doFilter(new ReadBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private long limitFor(HttpServletRequest request) {
    String query = request.getQueryString();
    boolean console = query != null && (query.startsWith("v-r=") || query.contains("&v-r="));
    return console
            || LimitedPaths.isFlowSubmission(LimitedPaths.normalised(request), request.getMethod())
        ? maxFlowBody
        : maxBody;
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
  }

  /** The request with its body read already, served again from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
