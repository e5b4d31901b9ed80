package org.ringtree.runtime.console;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.SpringBootAutoConfiguration;
import com.vaadin.flow.spring.SpringSecurityAutoConfiguration;
import com.vaadin.flow.spring.VaadinScopesConfig;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Serves the editor's Vaadin views, which live in the flow-editor module. Vaadin's own
 * auto-configuration assumes a web server, so application.yml excludes it and this class brings it
 * back only in a servlet web application: contexts without a web server (schema tests, tools) have
 * no console.
 *
 * <p>Every view is checked against its access annotation ({@code @RolesAllowed},
 * {@code @PermitAll}) on every navigation, including navigation inside the page; someone not signed
 * in is sent to the form sign-in at /login (security.SecurityConfiguration).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({
  SpringBootAutoConfiguration.class,
  SpringSecurityAutoConfiguration.class,
  VaadinScopesConfig.class
})
@EnableVaadin("org.ringtree.editor")
class ConsoleConfiguration {

  static final String SIGN_IN = "/login";

  /**
   * Vaadin's auto-configuration builds the access control with the annotation checker but off;
   * switching it on here, rather than replacing its configurer bean, does not depend on the order
   * in which the two configurations register their beans.
   */
  @Bean
  InitializingBean viewAccessControl(NavigationAccessControl access) {
    return () -> {
      access.setLoginView(SIGN_IN);
      access.setEnabled(true);
    };
  }
}
