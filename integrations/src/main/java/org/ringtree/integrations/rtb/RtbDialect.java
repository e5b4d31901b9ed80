package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.BidRequest;

/**
 * One buyer platform's bid API (a {@link BidResponseFormat}): how a ping is written for it and how
 * its answer is read. The common checks on an answer (amount, currency, destination, expiry) are
 * {@link BidResponseParser}'s; a dialect only says what the answer means. Implementations are
 * stateless and never throw for what a buyer sends (an unusable field is {@link
 * RtbFields.UnusableField}, turned into an INVALID result by the parser).
 */
interface RtbDialect {

  /** The request for one target: the call's fields under this platform's names. */
  RtbHttpRequest request(BidRequest request, RtbEndpoint endpoint, Duration timeout);

  /** What a JSON-object answer says, before the common checks. */
  RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt);

  /** The dialect of a format. */
  static RtbDialect of(BidResponseFormat format) {
    return switch (format) {
      case RINGTREE -> RingtreeDialect.INSTANCE;
      case RINGBA -> RingbaDialect.INSTANCE;
      case RETREAVER -> RetreaverDialect.INSTANCE;
      case CALLGRID -> CallGridDialect.INSTANCE;
      case MAPPING -> MappingDialect.OUR_REQUEST;
      case TEMPLATE -> MappingDialect.TEMPLATE_REQUEST;
    };
  }
}
