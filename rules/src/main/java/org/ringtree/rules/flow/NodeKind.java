package org.ringtree.rules.flow;

import java.util.Optional;

/** The kinds of node an operator can draw; {@link #json()} is the name used in flow documents. */
public enum NodeKind {
  START("start"),
  SAY("say"),
  RANDOM_PROMPT("randomPrompt"),
  MENU("menu"),
  COLLECT_DIGITS("collectDigits"),
  CONDITION("condition"),
  SET_TAG("setTag"),
  ROUTE("route"),
  VOICEMAIL("voicemail"),
  CONNECTOR("connector"),
  GOTO("goto"),
  HANGUP("hangup");

  private final String json;

  NodeKind(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<NodeKind> fromJson(String name) {
    for (NodeKind k : values()) {
      if (k.json.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
