package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Buyer;

class BuyerFormTest {

  private final BuyerForm form = new BuyerForm();

  @Test
  void aPausedBuyerOpensUntickedAndResumingIsPartOfTheDraft() {
    form.edit(new Stored(new Buyer("acme", "Acme", null), 7, null, false));
    assertThat(form.active.getValue()).isFalse();

    form.active.setValue(true);
    Stored draft = form.read().orElseThrow();

    assertThat(draft.inService()).isTrue();
    assertThat(draft.version()).isEqualTo(7);
    assertThat(draft.entry()).isEqualTo(new Buyer("acme", "Acme", null));
  }

  @Test
  void aNewBuyerStartsActiveAndCanBeSavedPaused() {
    form.edit(null);
    assertThat(form.active.getValue()).isTrue();
    form.id.setValue("dusk");
    form.name.setValue("Dusk Legal");
    form.active.setValue(false);

    assertThat(form.read().orElseThrow().inService()).isFalse();
  }
}
