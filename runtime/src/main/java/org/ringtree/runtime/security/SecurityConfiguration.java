package org.ringtree.runtime.security;

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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Three filter chains. (1) The compliance, audit, user and portal APIs: HTTP Basic, no session,
 * role rules per path. (2) The browser sign-in: a form login with CSRF tokens and a session cookie
 * (HttpOnly, SameSite, Secure in prod). (3) Everything else: the console's screens need that
 * sign-in (each view also checks the role, see console.ConsoleConfiguration), while the Twilio
 * webhooks (signature-checked by their own filter), the demo bidders, health and metrics, and the
 * other REST APIs stay as open as before, until protecting the whole API is done
 * (docs/compliance.md).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

  /** The paths this feature protects; everything else is left open for now. */
  static final String[] PROTECTED_API = {
    "/api/compliance/**", "/api/audit/**", "/api/users/**", "/api/portal/**"
  };

  static final String[] BROWSER_PAGES = {"/login", "/logout", "/account"};

  /** Not the console: open as before the console sign-in (each has its own protection or none). */
  static final String[] OPEN_AS_BEFORE = {
    "/twilio/**", "/demo/**", "/actuator/**", "/api/**", "/error"
  };

  @Bean
  AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder encoder) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new LockingAuthenticationProvider(passwords, accounts));
  }

  @Bean
  @Order(1)
  SecurityFilterChain protectedApi(HttpSecurity http, AuthenticationManager manager)
      throws Exception {
    http.securityMatcher(PROTECTED_API)
        .authenticationManager(manager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/api/users/me", "/api/users/me/**")
                    .authenticated()
                    .requestMatchers("/api/users/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/audit/**")
                    .hasAnyRole("ADMIN", "COMPLIANCE")
                    .requestMatchers("/api/portal/**")
                    .hasAnyRole("PUBLISHER", "BUYER")
                    .requestMatchers(HttpMethod.GET, "/api/compliance/**")
                    .hasAnyRole("ADMIN", "OPERATOR", "COMPLIANCE")
                    .requestMatchers(HttpMethod.PUT, "/api/compliance/settings")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/compliance/versions/*/approve",
                        "/api/compliance/versions/*/reject")
                    .hasAnyRole("ADMIN", "COMPLIANCE")
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/compliance/flows/*/versions",
                        "/api/compliance/versions/*/publish")
                    .hasAnyRole("ADMIN", "OPERATOR")
                    .requestMatchers(HttpMethod.POST, "/api/compliance/flows/*/rollback")
                    .hasAnyRole("ADMIN", "OPERATOR", "COMPLIANCE")
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
  @Order(2)
  SecurityFilterChain browserSignIn(HttpSecurity http, AuthenticationManager manager)
      throws Exception {
    http.securityMatcher(BROWSER_PAGES)
        .authenticationManager(manager)
        .authorizeHttpRequests(
            a -> a.requestMatchers("/login").permitAll().anyRequest().authenticated())
        // back to the console page that asked for the sign-in, else the console's start page
        .formLogin(f -> f.defaultSuccessUrl("/", false))
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
                    .requestMatchers(ConsoleRequests.STATIC)
                    .permitAll()
                    .requestMatchers(ConsoleRequests.FRAMEWORK)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        // webhooks and the other teams' APIs post without tokens; they are unchanged for now. The
        // console's own requests carry Vaadin's per-UI security key, which Vaadin checks itself.
        .csrf(c -> c.disable())
        .headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.sameOrigin()));
    return http.build();
  }
}
