package org.ringtree.runtime.security;

import org.ringtree.runtime.limits.ApiUserLimits;
import org.ringtree.runtime.limits.SignInLimiter;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Six filter chains. (-1) Publishers' pings for bids ({@code /rtb/**}): a publisher's API key only.
 * (0) Buyers' conversion postbacks: no sign-in, because the endpoint checks the buyer's own key
 * itself. (0b) The publisher and buyer portal ({@code /api/portal/**}): like the API, and also the
 * console's session with CSRF tokens (see portalApi). (1) The rest of the REST API ({@code
 * /api/**}): HTTP Basic or an API key on every request, no session, role rules per path (the table
 * in docs/compliance.md). (2) The browser sign-in: a form login with CSRF tokens and a session
 * cookie (HttpOnly, SameSite, Secure in prod). (3) Everything else: the console's screens need that
 * sign-in (each view also checks the role, see console.ConsoleConfiguration), while the demo
 * bidders, health and metrics stay open. The Twilio webhooks are outside all of them: their own
 * filter checks every request's signature.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

  /** Every REST endpoint needs a signed-in user, except the buyers' conversion postbacks. */
  static final String[] PROTECTED_API = {"/api/**"};

  /** Called by buyers' servers with the per-buyer key that the endpoint itself checks. */
  /** The publisher and buyer portal: the API's sign-ins plus the console's session. */
  static final String PORTAL_API = "/api/portal/**";

  static final String BUYER_CONVERSIONS = "/api/postbacks/conversions/**";

  /** Publishers' pings for bids: a publisher's API key, answered in the caller's shape. */
  static final String RTB_SUPPLY = "/rtb/**";

  static final String[] BROWSER_PAGES = {"/login", "/logout", "/account"};

  private static final String ADMIN = "ADMIN";
  private static final String OPERATOR = "OPERATOR";
  private static final String COMPLIANCE = "COMPLIANCE";

  /**
   * Not the console: open (each has its own protection or none); /api/** has its own chain. The API
   * reference (OpenAPI document and its browser) describes the endpoints, holds no data.
   */
  static final String[] OPEN_AS_BEFORE = {
    "/demo/**",
    // health for load balancers, prometheus for the scraper; the other actuator endpoints (info,
    // metrics) need an admin's sign-in
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/prometheus",
    "/error",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**"
  };

  /**
   * The voice webhooks bypass the security filter chains altogether (the firewall still applies).
   * Each is authenticated by its provider signature (telephony.WebhookSignatureFilter, which runs
   * before any of this), none has a session or a user, and matching the four chains with the MVC
   * handler look-up they need, plus a dozen decorated filters, cost more CPU than the incoming-call
   * webhook's own work (docs/benchmarks.md).
   */
  @Bean
  WebSecurityCustomizer voiceWebhooksOutsideTheChains() {
    return web ->
        web.ignoring()
            .requestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher(WebhookPaths.BASE + "/**"));
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserAccounts accounts, PasswordEncoder encoder, SignInLimiter signIns) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new LockingAuthenticationProvider(passwords, signIns, accounts));
  }

  /**
   * The bid endpoint publishers ping ({@code /rtb/**}, docs/rtb.md "Ringtree as a bid endpoint"): a
   * publisher's API key on every request and nothing else (no password, no session), refusals
   * written in the caller's own request shape by the supply feature's {@code rtbRefusals} bean.
   */
  @Bean
  @Order(-1)
  SecurityFilterChain rtbSupply(
      HttpSecurity http,
      ApiKeyStore keys,
      UserAccounts accounts,
      @Qualifier("rtbRefusals") AuthenticationEntryPoint refusals,
      @Qualifier("rtbRefusals") AccessDeniedHandler denied)
      throws Exception {
    http.securityMatcher(RTB_SUPPLY)
        .addFilterBefore(
            ApiKeyAuthenticationProvider.filter(keys, accounts, refusals::commence),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().hasRole("PUBLISHER"))
        .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(denied))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a machine endpoint: the key travels in a header with each request, no ambient sign-in
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(0)
  SecurityFilterChain buyerConversions(HttpSecurity http) throws Exception {
    http.securityMatcher(BUYER_CONVERSIONS)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a machine endpoint: the buyer's key travels with each request, there is no session
        .csrf(c -> c.disable());
    return http.build();
  }

  /**
   * The publisher and buyer portal ({@code /api/portal/**}): the API's credentials (HTTP Basic, API
   * keys, no session created) and also the console's session sign-in, so a signed-in publisher or
   * buyer can use it from the browser. A session is ambient (the browser sends its cookie by
   * itself), so an unsafe request signed in by the session must carry the CSRF token; a request
   * with its own credentials in a header cannot be forged cross-site and needs none. Matched with
   * the same path patterns and rule as the API chain, so every spelling gets the same check.
   */
  @Bean
  @Order(1)
  SecurityFilterChain portalApi(
      HttpSecurity http,
      AuthenticationManager manager,
      ApiKeyStore keys,
      UserAccounts accounts,
      ApiUserLimits limits)
      throws Exception {
    http.securityMatcher(PORTAL_API)
        .authenticationManager(manager)
        .addFilterBefore(
            ApiKeyAuthenticationProvider.filter(keys, accounts), BasicAuthenticationFilter.class)
        .addFilterAfter(
            limits.filter(
                a ->
                    (a instanceof ApiKeyAuthentication ? "api-key of " : "password of ")
                        + a.getName()),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole("PUBLISHER", "BUYER"))
        .httpBasic(b -> b.realmName("Ringtree"))
        // reads the console's session; never creates one for Basic or key requests
        .securityContext(c -> c.securityContextRepository(PortalSignIn.contexts()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(c -> c.requireCsrfProtectionMatcher(PortalSignIn::csrfRequired));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain protectedApi(
      HttpSecurity http,
      AuthenticationManager manager,
      ApiKeyStore keys,
      UserAccounts accounts,
      ApiUserLimits limits)
      throws Exception {
    http.securityMatcher(PROTECTED_API)
        .authenticationManager(manager)
        .addFilterBefore(
            ApiKeyAuthenticationProvider.filter(keys, accounts), BasicAuthenticationFilter.class)
        // counted after the credentials are checked, so a wrong password spends nobody's allowance
        .addFilterAfter(
            limits.filter(
                a ->
                    (a instanceof ApiKeyAuthentication ? "api-key of " : "password of ")
                        + a.getName()),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a
                    // users and their API keys: each user their own, admins list and revoke all
                    .requestMatchers("/api/users/me", "/api/users/me/**")
                    .authenticated()
                    .requestMatchers("/api/users/*/api-keys", "/api/users/*/api-keys/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/users/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/audit/**")
                    .hasAnyRole(ADMIN, COMPLIANCE)
                    .requestMatchers("/api/portal/**")
                    .hasAnyRole("PUBLISHER", "BUYER")
                    // compliance review and approval
                    .requestMatchers(HttpMethod.GET, "/api/compliance/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(HttpMethod.PUT, "/api/compliance/settings")
                    .hasRole(ADMIN)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/compliance/versions/*/approve",
                        "/api/compliance/versions/*/reject",
                        "/api/compliance/billing-tables/*/approve",
                        "/api/compliance/billing-tables/*/reject")
                    .hasAnyRole(ADMIN, COMPLIANCE)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/compliance/flows/*/versions",
                        "/api/compliance/versions/*/publish")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(HttpMethod.POST, "/api/compliance/flows/*/rollback")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    // calls, reports and money: staff read; admins and operators change
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/calls",
                        "/api/calls.csv",
                        "/api/calls/**",
                        "/api/reports/**",
                        "/api/disputes/**",
                        "/api/billing/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/disputes",
                        "/api/disputes/*/approve",
                        "/api/disputes/*/reject",
                        "/api/adjustments/preview",
                        "/api/adjustments/apply",
                        "/api/adjustments/requests",
                        "/api/adjustments/requests/*/apply",
                        "/api/adjustments/requests/*/reject")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/api/adjustments/requests")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(HttpMethod.PUT, "/api/billing/overrides/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(HttpMethod.PUT, "/api/billing/clawback-rules/*")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/billing/override-changes/*/apply",
                        "/api/billing/override-changes/*/reject")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(HttpMethod.DELETE, "/api/billing/overrides/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    // telephony rates: staff read; an admin changes them, another admin or a
                    // compliance officer approves (docs/billing.md, "Telephony costs")
                    .requestMatchers(HttpMethod.GET, "/api/costs/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(HttpMethod.PUT, "/api/costs/rates")
                    .hasRole(ADMIN)
                    .requestMatchers(
                        HttpMethod.POST, "/api/costs/rates/*/approve", "/api/costs/rates/*/reject")
                    .hasAnyRole(ADMIN, COMPLIANCE)
                    // the directory: staff read; admins and operators create and change
                    .requestMatchers(HttpMethod.GET, "/api/directory", "/api/directory/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(HttpMethod.PUT, "/api/directory/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    .requestMatchers(HttpMethod.DELETE, "/api/directory/tracking-numbers/*")
                    .hasAnyRole(ADMIN, OPERATOR)
                    // fraud defences (docs/fraud.md): staff read; admins and operators change
                    .requestMatchers(HttpMethod.GET, "/api/fraud/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers("/api/fraud/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    // score models (docs/score.md): staff read; an admin trains, promotes and
                    // rolls back; another admin or a compliance officer approves a promotion
                    .requestMatchers(HttpMethod.GET, "/api/score/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/score/models/promotions/*/approve",
                        "/api/score/models/promotions/*/reject")
                    .hasAnyRole(ADMIN, COMPLIANCE)
                    .requestMatchers(HttpMethod.POST, "/api/score/models/**")
                    .hasRole(ADMIN)
                    // publisher quality (docs/fraud.md): staff read; admins and operators run
                    // the tests, decide flags, pause numbers and set the alert URL
                    .requestMatchers(HttpMethod.GET, "/api/quality/**")
                    .hasAnyRole(ADMIN, OPERATOR, COMPLIANCE)
                    .requestMatchers("/api/quality/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    // publisher postbacks, their dead letters and buyers' postback keys
                    .requestMatchers("/api/postbacks/**")
                    .hasAnyRole(ADMIN, OPERATOR)
                    // a new endpoint is closed until it gets a rule here
                    .anyRequest()
                    .denyAll())
        .httpBasic(b -> b.realmName("Ringtree"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // No session or cookie is read or set here: every request carries its own credentials in
        // the Authorization header, so there is no ambient sign-in for CSRF to ride on.
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain browserSignIn(HttpSecurity http, AuthenticationManager manager)
      throws Exception {
    http.securityMatcher(BROWSER_PAGES)
        .authenticationManager(manager)
        .authorizeHttpRequests(
            a -> a.requestMatchers("/login").permitAll().anyRequest().authenticated())
        // back to the console page that asked for the sign-in, else the console's start page
        // the console's own sign-in page (editor.shell.LoginView) posts here; Spring checks it
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
    return http.build();
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain everythingElse(HttpSecurity http, AuthenticationManager manager)
      throws Exception {
    http.authenticationManager(manager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(OPEN_AS_BEFORE)
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(ADMIN)
                    .requestMatchers(ConsoleRequests.STATIC)
                    .permitAll()
                    .requestMatchers(ConsoleRequests.FRAMEWORK)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        // The demo bidders post without tokens. The console's own requests carry Vaadin's per-UI
        // security key, which Vaadin checks itself.
        .csrf(c -> c.disable())
        .headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.sameOrigin()));
    return http.build();
  }
}
