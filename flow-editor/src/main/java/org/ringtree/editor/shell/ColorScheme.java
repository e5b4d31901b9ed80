package org.ringtree.editor.shell;

import com.vaadin.flow.component.UI;

/** Lumo's light or dark variant, as the browser prefers it, also when the preference changes. */
final class ColorScheme {

  private ColorScheme() {}

  static void followBrowser() {
    UI ui = UI.getCurrent();
    if (ui == null) {
      return;
    }
    ui.getPage()
        .executeJs(
            "const m = window.matchMedia('(prefers-color-scheme: dark)');"
                + "const apply = () => m.matches"
                + " ? document.documentElement.setAttribute('theme', 'dark')"
                + " : document.documentElement.removeAttribute('theme');"
                + "apply();"
                + "if (!window.__ringtreeScheme) { window.__ringtreeScheme = true;"
                + " m.addEventListener('change', apply); }");
  }
}
