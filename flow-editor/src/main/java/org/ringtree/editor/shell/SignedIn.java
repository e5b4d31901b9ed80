package org.ringtree.editor.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the signed-in user from the current request. The servlet request carries the sign-in the
 * platform's security made (its principal and roles), so the console needs no security framework of
 * its own.
 */
public final class SignedIn {

  private SignedIn() {}

  /** The user of the request being handled; fails outside a signed-in request. */
  public static Viewer viewer() {
    VaadinRequest request = VaadinRequest.getCurrent();
    Principal principal = request == null ? null : request.getUserPrincipal();
    if (principal == null) {
      throw new IllegalStateException("the console is used only signed in");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String role : Viewer.ALL) {
      if (request.isUserInRole(role)) {
        roles.add(role);
      }
    }
    return new Viewer(principal.getName(), roles);
  }

  /** Ends the session (and with it the sign-in) and sends the browser to the sign-in page. */
  public static void signOut() {
    UI.getCurrent().getPage().setLocation("/login?logout");
    VaadinRequest.getCurrent().getWrappedSession().invalidate();
  }
}
