package org.ringtree.rules.compiler;

import java.util.ArrayDeque;
import java.util.Deque;

/** A tiny indenting XML writer: deterministic output, everything escaped. */
final class Xml {
  private final StringBuilder sb =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  Xml start(String name, String... attrs) {
    indent();
    sb.append('<').append(name);
    attrs(attrs);
    sb.append(">\n");
    open.push(name);
    return this;
  }

  Xml empty(String name, String... attrs) {
    indent();
    sb.append('<').append(name);
    attrs(attrs);
    sb.append("/>\n");
    return this;
  }

  Xml text(String name, String text, String... attrs) {
    indent();
    sb.append('<').append(name);
    attrs(attrs);
    sb.append('>').append(Literals.xml(text)).append("</").append(name).append(">\n");
    return this;
  }

  Xml end() {
    String name = open.pop();
    indent();
    sb.append("</").append(name).append(">\n");
    return this;
  }

  private void attrs(String... attrs) {
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      sb.append(' ').append(attrs[i]).append("=\"").append(Literals.xml(attrs[i + 1])).append('"');
    }
  }

  private void indent() {
    sb.append("  ".repeat(open.size()));
  }

  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed element " + open.peek());
    }
    return sb.toString();
  }
}
