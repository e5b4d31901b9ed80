package org.ringtree.editor.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The console's page shell. Server push lets a screen show changes made elsewhere (a call on
 * another runtime node) as they happen, without the browser asking.
 */
@Push
public class ConsoleAppShell implements AppShellConfigurator {}
