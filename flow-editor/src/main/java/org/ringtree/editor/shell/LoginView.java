package org.ringtree.editor.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * The sign-in page. The form posts to /login, where the platform's security checks the password
 * (with its lock-out per address) and redirects back here with {@code ?error} when it fails, or
 * with {@code ?logout} after a sign-out.
 */
@Route("login")
@PageTitle("Sign in · Ringtree")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  /** Where Spring Security leaves the reason of the last failed sign-in in the session. */
  static final String LAST_FAILURE = "SPRING_SECURITY_LAST_EXCEPTION";

  static final String WRONG_PASSWORD =
      "The username or password is wrong. After several failed attempts the account is locked"
          + " from this address for a while.";

  private final LoginForm form = new LoginForm();
  private final Paragraph notice = new Paragraph();

  public LoginView() {
    ColorScheme.followBrowser();
    setId("login-view");
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    getStyle().set("background", "var(--lumo-contrast-5pct)");

    H1 brand = new H1("Ringtree");
    brand.getStyle().set("margin", "0");
    Paragraph tagline = new Paragraph("Pay-per-call routing console");
    tagline.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
    notice.setId("login-notice");
    notice.setVisible(false);

    form.setId("login-form");
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(texts());

    Div card = new Div(brand, tagline, notice, form);
    card.getStyle()
        .set("background", "var(--lumo-base-color)")
        .set("border-radius", "var(--lumo-border-radius-l)")
        .set("box-shadow", "var(--lumo-box-shadow-m)")
        .set("padding", "var(--lumo-space-l)")
        .set("text-align", "center");
    add(card);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
    if (query.containsKey("error")) {
      form.setI18n(errorText(lastFailure()));
      form.setError(true);
    }
    if (query.containsKey("logout")) {
      notice.setText("You are signed out.");
      notice.setVisible(true);
    }
  }

  /** The form's error box: the platform's own reason when it is a lock-out, else wrong password. */
  static LoginI18n errorText(String reason) {
    LoginI18n i18n = texts();
    LoginI18n.ErrorMessage error = i18n.getErrorMessage();
    if (reason != null && reason.contains("too many failed sign-ins")) {
      error.setTitle("Sign-in refused for now");
      error.setMessage("There were " + reason + ".");
    } else {
      error.setTitle("Incorrect username or password");
      error.setMessage(WRONG_PASSWORD);
    }
    return i18n;
  }

  /** The words of the form: "sign in", as everywhere else in the console. */
  static LoginI18n texts() {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Sign in");
    i18n.getForm().setSubmit("Sign in");
    return i18n;
  }

  private static String lastFailure() {
    VaadinRequest request = VaadinRequest.getCurrent();
    WrappedSession session = request == null ? null : request.getWrappedSession(false);
    Object failure = session == null ? null : session.getAttribute(LAST_FAILURE);
    return failure instanceof Exception e ? e.getMessage() : null;
  }
}
