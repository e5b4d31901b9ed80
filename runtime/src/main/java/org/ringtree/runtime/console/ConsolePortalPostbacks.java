package org.ringtree.runtime.console;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.editor.portal.PostbackPortalPort;
import org.ringtree.editor.postbacks.PostbackProblem;
import org.ringtree.editor.postbacks.PostbacksPort;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.postback.ConversionPostbacks;
import org.ringtree.runtime.postback.PublisherPostbacks;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The portal's postbacks for the signed-in publisher or buyer. The party is always the one the
 * user's account links to, read from the sign-in on each call; nothing the screen sends names it.
 * Another publisher's postback is "not there", as in the portal API.
 */
@Component
@PreAuthorize("hasAnyRole('PUBLISHER', 'BUYER')")
class ConsolePortalPostbacks implements PostbackPortalPort {

  private final PublisherPostbacks publishers;
  private final ConversionPostbacks conversions;
  private final URI publicBaseUrl;

  ConsolePortalPostbacks(
      PublisherPostbacks publishers,
      ConversionPostbacks conversions,
      RingtreeProperties properties) {
    this.publishers = publishers;
    this.conversions = conversions;
    this.publicBaseUrl = properties.publicBaseUrl();
  }

  @Override
  public Me me() {
    Account a = account();
    return a.role() == Role.PUBLISHER
        ? new Me(Party.PUBLISHER, publisherId())
        : new Me(Party.BUYER, buyerId());
  }

  @Override
  public List<String> placeholders() {
    return ConsolePostbacks.placeholderNames();
  }

  @Override
  public Optional<PostbacksPort.Settings> settings() {
    return publishers.settings(publisherId()).map(ConsolePostbacks::settings);
  }

  @Override
  public PostbacksPort.Settings save(String urlTemplate, boolean onEveryCall, boolean enabled) {
    String publisherId = publisherId();
    return ConsolePostbacks.settings(
        ConsolePostbacks.refusedInTheApisWords(
            () ->
                publishers.save(
                    new PublisherPostbacks.Settings(publisherId, urlTemplate, onEveryCall, enabled),
                    account().username())));
  }

  @Override
  public List<PostbacksPort.Delivery> page(PostbacksPort.State state, int offset, int limit) {
    return publishers
        .page(publisherId(), state == null ? null : state.name(), offset, limit)
        .stream()
        .map(ConsolePostbacks::delivery)
        .toList();
  }

  @Override
  public int count(PostbacksPort.State state) {
    return publishers.count(publisherId(), state == null ? null : state.name());
  }

  @Override
  public Optional<PostbacksPort.Delivery> delivery(UUID postbackId) {
    String own = publisherId();
    return publishers
        .get(postbackId)
        .filter(r -> own.equals(r.publisherId()))
        .map(ConsolePostbacks::delivery);
  }

  @Override
  public List<PostbacksPort.Attempt> attempts(UUID postbackId) {
    return delivery(postbackId).isPresent()
        ? ConsolePostbacks.attemptsOf(publishers, postbackId)
        : List.of();
  }

  @Override
  public String conversionUrl() {
    return ConsolePostbacks.conversionUrl(publicBaseUrl, buyerId());
  }

  @Override
  public String issueKey() {
    String buyerId = buyerId();
    return ConsolePostbacks.refusedInTheApisWords(
        () -> conversions.issueKey(buyerId, account().username()));
  }

  private static Account account() {
    return SignedInUser.current()
        .map(SignedInUser::account)
        .orElseThrow(() -> new IllegalStateException("the portal is used only signed in"));
  }

  private static String publisherId() {
    Account a = account();
    if (a.role() != Role.PUBLISHER || a.publisherId() == null) {
      throw new PostbackProblem("only a publisher's account has publisher postbacks");
    }
    return a.publisherId();
  }

  private static String buyerId() {
    Account a = account();
    if (a.role() != Role.BUYER || a.buyerId() == null) {
      throw new PostbackProblem("only a buyer's account has a conversion postback");
    }
    return a.buyerId();
  }
}
