package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort.Outcome;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.TrackingNumber;

class EntrySaverTest {

  private final FakeDirectory port = new FakeDirectory();

  @Test
  void aSaveSendsTheVersionThatWasOpenedAndKeepsTheNewOne() {
    PublisherForm form = new PublisherForm();
    form.edit(new Stored(new Publisher("night-owl", "Night Owl"), 3, null, true));
    form.name.setValue("Night Owl Media");
    port.next = new Outcome.Saved(4);

    assertThat(EntrySaver.save(port, form)).contains(new Outcome.Saved(4));

    assertThat(port.saved)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.version()).isEqualTo(3);
              assertThat(s.entry()).isEqualTo(new Publisher("night-owl", "Night Owl Media"));
            });
    assertThat(form.version()).isEqualTo(4);
  }

  @Test
  void aFormThatRefusesItsOwnFieldsSendsNothing() {
    PublisherForm form = new PublisherForm();
    form.edit(null);
    form.id.setValue("p");

    assertThat(EntrySaver.save(port, form)).isEmpty();

    assertThat(port.saved).isEmpty();
    assertThat(form.problemOf("name")).contains("a publisher needs a name");
  }

  @Test
  void aDanglingReferenceIsMarkedOnTheFieldThatHoldsIt() {
    TrackingNumberForm form = new TrackingNumberForm(port::page);
    form.edit(null);
    form.id.setValue("+18885550177");
    form.campaign.setValue("gone");
    form.publisher.setValue("night-owl");
    String words =
        "refused: Key (campaign_id)=(gone) is not present in table \"campaigns\". — there is no"
            + " campaign gone (it may have been removed meanwhile)";
    port.next = new Outcome.Refused("campaignId", words);

    EntrySaver.save(port, form);

    assertThat(form.problemOf("campaignId")).contains(words);
    assertThat(((TrackingNumber) port.saved.get(0).entry()).campaignId()).isEqualTo("gone");
    assertThat(port.saved.get(0).version()).isZero();
  }

  @Test
  void someoneElsesSaveIsShownAndWhatWasTypedIsKept() {
    PublisherForm form = new PublisherForm();
    form.edit(new Stored(new Publisher("p", "Old"), 1, null, true));
    form.name.setValue("Mine");
    port.next = new Outcome.Conflict("publisher p was changed by someone else after you opened it");

    EntrySaver.save(port, form);

    assertThat(form.conflictMessage()).hasValueSatisfying(m -> m.contains("someone else"));
    assertThat(form.name.getValue()).isEqualTo("Mine");
    assertThat(form.version()).isEqualTo(1);
  }

  @Test
  void aTrackingNumberIsE164WithTheApisWords() {
    TrackingNumberForm form = new TrackingNumberForm(port::page);
    form.edit(null);
    form.id.setValue("888-555-0101");
    form.campaign.setValue("c");
    form.publisher.setValue("p");
    form.sourceTags.setValue("channel radio");

    assertThat(form.read()).isEmpty();

    assertThat(form.problemOf("id"))
        .contains("a tracking number is E.164, such as +18885550101; got 888-555-0101");
    assertThat(form.problemOf("sourceTags")).hasValueSatisfying(m -> m.contains("name=value"));
  }
}
