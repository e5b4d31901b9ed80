package org.ringtree.rules.flow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed, default-aware reading of a node's settings. A value of the wrong type reads as absent (the
 * validator reports it), so the engine never trips over a hand-edited document.
 */
public final class NodeConfig {
  private final NodeSpec spec;
  private final Map<String, Object> values;

  public NodeConfig(NodeSpec spec, Map<String, Object> values) {
    this.spec = spec;
    this.values = values;
  }

  public Object raw(String name) {
    Object v = values.get(name);
    if (v == null) {
      v = spec.field(name).map(FieldSpec::defaultValue).orElse(null);
    }
    return v;
  }

  public String string(String name) {
    Object v = raw(name);
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return null;
  }

  public Integer integer(String name) {
    BigDecimal d = decimal(name);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  public int integer(String name, int fallback) {
    Integer i = integer(name);
    return i == null ? fallback : i;
  }

  public BigDecimal decimal(String name) {
    return toDecimal(raw(name));
  }

  static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s && s.matches("-?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
      return new BigDecimal(s);
    }
    return null;
  }

  public boolean bool(String name) {
    Object v = raw(name);
    return v instanceof Boolean b ? b : "true".equals(v);
  }

  public List<String> strings(String name) {
    Object v = raw(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof String s) {
          out.add(s);
        } else if (o instanceof Number n) {
          out.add(n.toString());
        }
      }
    }
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> objects(String name) {
    Object v = raw(name);
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return List.copyOf(out);
  }

  public Map<String, String> stringMap(String name) {
    Object v = raw(name);
    Map<String, String> out = new TreeMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach(
          (k, val) -> {
            if (k instanceof String ks && val instanceof String vs) {
              out.put(ks, vs);
            }
          });
    }
    return out;
  }

  /** Reads a string field of one item of an OBJECT_LIST setting. */
  public static String itemString(Map<String, Object> item, String name) {
    Object v = item.get(name);
    return v instanceof String s ? s : v instanceof Number n ? n.toString() : null;
  }

  public static List<String> itemStrings(Map<String, Object> item, String name) {
    Object v = item.get(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof String s) {
          out.add(s);
        } else if (o instanceof Number n) {
          out.add(n.toString());
        }
      }
    }
    return List.copyOf(out);
  }

  public static BigDecimal itemDecimal(Map<String, Object> item, String name) {
    return toDecimal(item.get(name));
  }
}
