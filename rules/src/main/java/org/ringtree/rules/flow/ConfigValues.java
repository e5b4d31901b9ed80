package org.ringtree.rules.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Makes node settings deep-immutable with sorted keys, so equal flows serialise identically. */
final class ConfigValues {
  private ConfigValues() {}

  static Map<String, Object> freeze(Map<String, ?> in) {
    TreeMap<String, Object> out = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.put(k, freezeValue(v));
          }
        });
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  static Object freezeValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return freeze((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        if (o != null) {
          out.add(freezeValue(o));
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      return new java.math.BigDecimal(v.toString());
    }
    return v;
  }
}
