package org.ringtree.rules.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.engine.fact.Attr;
import org.ringtree.rules.engine.fact.CallTime;
import org.ringtree.rules.engine.fact.PriorCallFact;

/** Turns a call into the facts the generated rules match on. */
final class Facts {
  private Facts() {}

  static Map<String, String> attributes(CallFacts f) {
    Map<String, String> out = new TreeMap<>();
    Caller c = f.caller();
    put(out, "caller.number", c.number());
    put(out, "caller.state", c.state());
    put(out, "caller.zip", c.zip());
    put(out, "caller.city", c.city());
    put(out, "caller.areaCode", c.areaCode());
    put(out, "caller.country", c.country());
    put(out, "caller.timezone", c.timezone());
    put(out, "call.publisher", f.publisherId());
    put(out, "call.campaign", f.campaignId());
    if (f.score() != null) {
      put(out, "call.score", Integer.toString(f.score().value()));
    }
    f.tags().forEach((k, v) -> put(out, "tag." + k, v));
    f.answers().forEach((k, v) -> put(out, "answer." + k, v));
    return out;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /** Attributes, arrival time and history: what every evaluation inserts. */
  static List<Object> callFacts(CallFacts f, Map<String, String> attrs) {
    List<Object> out = new ArrayList<>(attrs.size() + f.history().size() + 1);
    attrs.forEach((k, v) -> out.add(Attr.of(k, v)));
    out.add(new CallTime(f.arrivedAt(), f.caller().timezone()));
    for (PriorCall p : f.history()) {
      if (p.at() == null || p.at().isAfter(f.arrivedAt())) {
        continue;
      }
      out.add(
          new PriorCallFact(
              Duration.between(p.at(), f.arrivedAt()).getSeconds(),
              p.campaignId(),
              p.targetId(),
              p.buyerId(),
              p.connected(),
              p.converted()));
    }
    return out;
  }
}
