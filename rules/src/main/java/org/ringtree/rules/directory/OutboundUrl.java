package org.ringtree.rules.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a URL an operator types and Ringtree calls out to (a buyer's RTB endpoint, a
 * publisher's postback): plain http(s) to a named host, and nothing a library could mistake for its
 * own configuration. The HTTP clients never read options from these URLs (integrations build each
 * endpoint from scheme, host and port only, and send path and query as data), so these checks are
 * the second lock: an operator learns at save time that a URL carries what looks like an HTTP
 * client option, instead of Ringtree quietly sending it on to the buyer.
 *
 * <p>{@link #CLIENT_OPTIONS} are the endpoint options of Apache Camel's http component (4.17), plus
 * the options every Camel endpoint takes; a test in integrations checks the list against Camel's
 * own catalogue, so an upgrade that adds one fails that test.
 */
public final class OutboundUrl {

  /** Lower-case: Camel binds endpoint options without regard to case. */
  public static final Set<String> CLIENT_OPTIONS =
      Set.of(
          "authbearertoken",
          "authdomain",
          "authhost",
          "authmethod",
          "authpassword",
          "authusername",
          "authenticationpreemptive",
          "bridgeendpoint",
          "clearexpiredcookies",
          "clientbuilder",
          "clientconnectionmanager",
          "connectionclose",
          "connectionsperroute",
          "contenttypecharsetenabled",
          "cookiehandler",
          "cookiestore",
          "copyheaders",
          "customhostheader",
          "deletewithbody",
          "disablestreamcache",
          "followredirects",
          "getwithbody",
          "headerfilterstrategy",
          "httpactivitylistener",
          "httpclient",
          "httpclientconfigurer",
          "httpclientoptions",
          "httpconnectionoptions",
          "httpcontext",
          "httpmethod",
          "httpuri",
          "ignoreresponsebody",
          "lazystartproducer",
          "loghttpactivity",
          "maxtotalconnections",
          "multipartupload",
          "multipartuploadname",
          "nonproxyhosts",
          "oauth2bodyauthentication",
          "oauth2cachetokens",
          "oauth2cachedtokensdefaultexpiryseconds",
          "oauth2cachedtokensexpirationmarginseconds",
          "oauth2clientid",
          "oauth2clientsecret",
          "oauth2resourceindicator",
          "oauth2scope",
          "oauth2tokenendpoint",
          "okstatuscoderange",
          "preservehostheader",
          "proxyauthdomain",
          "proxyauthhost",
          "proxyauthmethod",
          "proxyauthnthost",
          "proxyauthpassword",
          "proxyauthport",
          "proxyauthscheme",
          "proxyauthusername",
          "proxyhost",
          "proxyport",
          "skipcontrolheaders",
          "skiprequestheaders",
          "skipresponseheaders",
          "sslcontextparameters",
          "throwexceptiononfailure",
          "usesystemproperties",
          "useragent",
          "x509hostnameverifier",
          // every Camel endpoint
          "bridgeerrorhandler",
          "exceptionhandler",
          "exchangepattern",
          "synchronous",
          "basicpropertybinding",
          // the http client's own timeouts, which Ringtree sets
          "connecttimeout",
          "connectionrequesttimeout",
          "responsetimeout",
          "sotimeout");

  /** Option groups Camel binds by prefix (httpClient.xxx sets the client builder's xxx). */
  public static final List<String> CLIENT_OPTION_PREFIXES =
      List.of("httpclient.", "httpconnection.");

  private static final int MAX_LENGTH = 2048;

  private OutboundUrl() {}

  /** What is wrong with the URL for an outbound call, in words an operator can act on. */
  public static Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("the URL is empty");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("the URL is longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("the URL must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("the URL has no valid host name");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("user name and password may not be written in the URL");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("the URL may not have a #fragment (a buyer's server never receives it)");
    }
    if (url.contains("{{") || url.contains("${") || url.contains("RAW(")) {
      return Optional.of("the URL contains placeholder syntax ({{…}}, ${…} or RAW(…))");
    }
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      String lower = name.toLowerCase(Locale.ROOT);
      if (CLIENT_OPTIONS.contains(lower)
          || CLIENT_OPTION_PREFIXES.stream().anyMatch(lower::startsWith)) {
        return Optional.of(
            "the query parameter '"
                + name
                + "' is an HTTP client option; Ringtree sets those itself and never takes them"
                + " from a URL");
      }
      if (value.startsWith("#")) {
        return Optional.of(
            "the value of query parameter '"
                + name
                + "' starts with # (how Camel names a bean or a class to create)");
      }
    }
    return Optional.empty();
  }

  /**
   * @throws IllegalArgumentException saying what is wrong, prefixed by what the URL is for
   */
  public static String require(String url, String what) {
    problem(url)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(what + ": " + p);
            });
    return url.strip();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray % stays as it is: it is not an option name either way
    }
  }
}
