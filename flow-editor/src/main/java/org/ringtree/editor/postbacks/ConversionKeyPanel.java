package org.ringtree.editor.postbacks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A buyer's conversion postback: the URL its systems call (copy button), its key (issued here,
 * shown once, copy button) and a test button. The test is a real request from the browser to the
 * endpoint — without the console's session, the key alone — for the reserved call id {@code test},
 * which checks the key and changes no call; the endpoint's answer is shown as it came.
 */
public class ConversionKeyPanel extends VerticalLayout {

  private static final String TEST_CALL = "test";

  private final ConversionKeys keys;
  private final TextField url = new TextField("Conversion postback URL");
  private final TextField key = new TextField("Key");
  private final Span copied = new Span();
  private final Span result = new Span();

  public ConversionKeyPanel(ConversionKeys keys) {
    this.keys = keys;
    setId("conversion-panel");
    setPadding(false);
    url.setId("conversion-url");
    url.setReadOnly(true);
    url.setWidthFull();
    url.setValue(keys.conversionUrl());
    url.setHelperText(
        "GET or POST, with the call's id (ours or the provider's CallSid) as call_id, an optional"
            + " revenue, and the key in the X-Ringtree-Key header or as key.");
    Button copyUrl = copyButton("conversion-url-copy", url);
    HorizontalLayout urlRow = new HorizontalLayout(url, copyUrl);
    urlRow.setWidthFull();
    urlRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    key.setId("conversion-key");
    key.setWidthFull();
    key.setPlaceholder("paste your key to test it, or issue a new one");
    key.setHelperText(
        "Only the key's hash is kept: it is shown once, when issued. A new key replaces the old"
            + " one at once.");
    Button copyKey = copyButton("conversion-key-copy", key);
    Button issue = new Button("Issue new key", VaadinIcon.KEY.create());
    issue.setId("conversion-issue-key");
    issue.addClickListener(
        e -> {
          try {
            key.setValue(keys.issueKey());
            result.setText("New key issued: copy it now, it is not shown again.");
          } catch (PostbackProblem refused) {
            result.setText(refused.getMessage());
          }
        });
    HorizontalLayout keyRow = new HorizontalLayout(key, copyKey, issue);
    keyRow.setWidthFull();
    keyRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    Button test = new Button("Send test conversion", VaadinIcon.PAPERPLANE.create());
    test.setId("conversion-test");
    test.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    test.addClickListener(e -> sendTest());
    copied.setId("conversion-copied");
    result.setId("conversion-test-result");
    add(
        urlRow,
        keyRow,
        new HorizontalLayout(test, copied),
        result,
        new Paragraph(
            "The test requests this endpoint with call_id="
                + TEST_CALL
                + ": the key is checked"
                + " as for a real conversion and no call changes."));
  }

  /** The conversion endpoint's path on this server for {@code buyerId}, the id encoded. */
  public static String endpointPath(String buyerId) {
    return "/api/postbacks/conversions/"
        + java.net.URLEncoder.encode(buyerId, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  private Button copyButton(String id, TextField field) {
    Button copy = new Button("Copy", VaadinIcon.COPY.create());
    copy.setId(id);
    copy.addClickListener(
        e ->
            copy.getElement()
                .executeJs(
                    "return navigator.clipboard.writeText($0).then(() => 'ok', e => String(e))",
                    field.getValue())
                .then(
                    String.class,
                    outcome ->
                        copied.setText(
                            "ok".equals(outcome)
                                ? "Copied " + field.getLabel().toLowerCase() + "."
                                : "Could not copy: " + outcome)));
    return copy;
  }

  private void sendTest() {
    result.setText("Sending…");
    // credentials: 'omit' — the endpoint must accept the key alone, as from the buyer's servers
    getElement()
        .executeJs(
            "return fetch($0 + '?call_id=' + $1, {method: 'POST', credentials: 'omit',"
                + " headers: {'X-Ringtree-Key': $2}})"
                + ".then(r => r.text().then(t => r.status + '\\n' + t))"
                + ".catch(e => '0\\n' + e)",
            keys.testPath(),
            TEST_CALL,
            key.getValue().strip())
        .then(
            String.class,
            answer -> {
              int newline = answer.indexOf('\n');
              int status = Integer.parseInt(answer.substring(0, newline));
              PostbacksPresenter.Outcome<String> outcome =
                  PostbacksPresenter.testResult(status, answer.substring(newline + 1));
              result.setText(outcome.ok() ? outcome.value() : outcome.problem());
              result
                  .getStyle()
                  .set(
                      "color",
                      outcome.ok()
                          ? "var(--lumo-success-text-color)"
                          : "var(--lumo-error-text-color)");
            });
  }
}
