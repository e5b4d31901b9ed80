package org.ringtree.runtime.console;

import com.vaadin.flow.spring.SpringBootAutoConfiguration;
import com.vaadin.flow.spring.SpringSecurityAutoConfiguration;
import com.vaadin.flow.spring.VaadinScopesConfig;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Serves the editor's Vaadin views, which live in the flow-editor module. Vaadin's own
 * auto-configuration assumes a web server, so application.yml excludes it and this class brings it
 * back only in a servlet web application: contexts without a web server (schema tests, tools) have
 * no console.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({
  SpringBootAutoConfiguration.class,
  SpringSecurityAutoConfiguration.class,
  VaadinScopesConfig.class
})
@EnableVaadin("org.ringtree.editor")
class ConsoleConfiguration {}
