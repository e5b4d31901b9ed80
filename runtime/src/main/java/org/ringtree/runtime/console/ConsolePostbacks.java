package org.ringtree.runtime.console;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.ringtree.editor.postbacks.ConversionKeyPanel;
import org.ringtree.editor.postbacks.PostbackProblem;
import org.ringtree.editor.postbacks.PostbacksPort;
import org.ringtree.integrations.postback.PostbackTemplate;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.postback.ConversionPostbacks;
import org.ringtree.runtime.postback.PublisherPostbacks;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The operator's postback screen over the services behind /api/postbacks, for the same roles
 * (admins and operators); changes are attributed to the signed-in user and audited there.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsolePostbacks implements PostbacksPort {

  private final PublisherPostbacks publishers;
  private final ConversionPostbacks conversions;
  private final URI publicBaseUrl;

  ConsolePostbacks(
      PublisherPostbacks publishers,
      ConversionPostbacks conversions,
      RingtreeProperties properties) {
    this.publishers = publishers;
    this.conversions = conversions;
    this.publicBaseUrl = properties.publicBaseUrl();
  }

  @Override
  public List<String> placeholders() {
    return placeholderNames();
  }

  static List<String> placeholderNames() {
    return List.copyOf(new TreeSet<>(PostbackTemplate.PLACEHOLDERS));
  }

  @Override
  public List<Party> publishers() {
    return publishers.publishers().stream().map(p -> new Party(p.id(), p.name())).toList();
  }

  @Override
  public Optional<Settings> settings(String publisherId) {
    return publishers.settings(publisherId).map(ConsolePostbacks::settings);
  }

  @Override
  public Settings save(Settings s) {
    return settings(
        refusedInTheApisWords(
            () ->
                publishers.save(
                    new PublisherPostbacks.Settings(
                        s.publisherId(), s.urlTemplate(), s.onEveryCall(), s.enabled()),
                    actor())));
  }

  @Override
  public List<Delivery> page(String publisherId, State state, int offset, int limit) {
    return publishers.page(publisherId, state == null ? null : state.name(), offset, limit).stream()
        .map(ConsolePostbacks::delivery)
        .toList();
  }

  @Override
  public int count(String publisherId, State state) {
    return publishers.count(publisherId, state == null ? null : state.name());
  }

  @Override
  public Optional<Delivery> delivery(UUID postbackId) {
    return publishers.get(postbackId).map(ConsolePostbacks::delivery);
  }

  @Override
  public List<Attempt> attempts(UUID postbackId) {
    return attemptsOf(publishers, postbackId);
  }

  @Override
  public Delivery retry(UUID postbackId) {
    return delivery(refusedInTheApisWords(() -> publishers.retry(postbackId, actor())));
  }

  @Override
  public List<BuyerKey> buyers() {
    return conversions.buyers().stream()
        .map(b -> new BuyerKey(b.buyerId(), b.name(), b.keyIssued(), b.keyIssuedAt()))
        .toList();
  }

  @Override
  public String conversionUrl(String buyerId) {
    return conversionUrl(publicBaseUrl, buyerId);
  }

  @Override
  public String issueKey(String buyerId) {
    return refusedInTheApisWords(() -> conversions.issueKey(buyerId, actor()));
  }

  static String conversionUrl(URI base, String buyerId) {
    String root = base.toString().replaceAll("/+$", "");
    return root + ConversionKeyPanel.endpointPath(buyerId) + "?call_id={call_id}";
  }

  static List<Attempt> attemptsOf(PublisherPostbacks publishers, UUID postbackId) {
    return publishers.attempts(postbackId).stream()
        .map(
            a ->
                new Attempt(
                    a.attempt(),
                    a.at(),
                    a.httpStatus(),
                    a.latencyMs(),
                    a.delivered(),
                    a.error(),
                    a.response()))
        .toList();
  }

  static Settings settings(PublisherPostbacks.Settings s) {
    return new Settings(s.publisherId(), s.urlTemplate(), s.onEveryCall(), s.enabled());
  }

  static Delivery delivery(PublisherPostbacks.Row r) {
    return new Delivery(
        r.id(),
        r.callId(),
        r.publisherId(),
        r.event(),
        r.url(),
        State.valueOf(r.state()),
        r.attempts(),
        r.lastError(),
        r.createdAt(),
        r.updatedAt());
  }

  /** The same refusals the REST API answers with (MoneyProblemAdvice), as the screen's problem. */
  static <T> T refusedInTheApisWords(Supplier<T> change) {
    try {
      return change.get();
    } catch (MoneyProblem | IllegalArgumentException refused) {
      throw new PostbackProblem(String.valueOf(refused.getMessage()));
    }
  }

  private static String actor() {
    return SignedInUser.current()
        .map(SignedInUser::getUsername)
        .orElseThrow(() -> new IllegalStateException("postback changes need a signed-in user"));
  }
}
