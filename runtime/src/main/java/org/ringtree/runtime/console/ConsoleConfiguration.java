package org.ringtree.runtime.console;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.Configuration;

/** Serves the editor's Vaadin views, which live in the flow-editor module. */
@Configuration
@EnableVaadin("org.ringtree.editor")
class ConsoleConfiguration {}
