package org.ringtree.editor.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLayout;

/**
 * The frame around every console screen: links to the screens the signed-in role may open, who is
 * signed in, and sign-out. Links are paths, not view classes, so the screens' packages do not
 * depend on each other through the frame.
 */
public class ConsoleLayout extends VerticalLayout implements RouterLayout {

  public static final String EDITOR = "flows";
  public static final String COMPLIANCE = "compliance";

  private final Div content = new Div();

  public ConsoleLayout() {
    Viewer viewer = SignedIn.viewer();
    setSizeFull();
    setPadding(false);
    setSpacing(false);

    Span brand = new Span("Ringtree");
    brand.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-m)");
    HorizontalLayout bar = new HorizontalLayout(brand);
    bar.setId("console-nav");
    if (viewer.mayEditFlows()) {
      bar.add(link(EDITOR, "Flow editor", "nav-editor"));
    }
    if (viewer.mayReadReviews()) {
      bar.add(link(COMPLIANCE, "Compliance", "nav-compliance"));
    }
    Span user = new Span("Signed in as " + viewer.describe());
    user.setId("signed-in-user");
    user.getStyle()
        .set("margin-left", "auto")
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    Button signOut = new Button("Sign out", e -> SignedIn.signOut());
    signOut.setId("sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    bar.add(user, signOut);
    bar.setWidthFull();
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.getStyle()
        .set("padding", "0 var(--lumo-space-m)")
        .set("background", "var(--lumo-contrast-5pct)")
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

    content.setSizeFull();
    content
        .getStyle()
        .set("overflow", "auto")
        .set("display", "flex")
        .set("flex-direction", "column");
    add(bar, content);
    setFlexGrow(1, content);
  }

  @Override
  public void showRouterLayoutContent(HasElement view) {
    content.getElement().removeAllChildren();
    if (view != null) {
      content.getElement().appendChild(view.getElement());
    }
  }

  private static Anchor link(String path, String text, String id) {
    Anchor a = new Anchor(path, text);
    a.setId(id);
    // handled by Vaadin's router in the page, without reloading it
    a.getElement().setAttribute("router-link", true);
    return a;
  }
}
