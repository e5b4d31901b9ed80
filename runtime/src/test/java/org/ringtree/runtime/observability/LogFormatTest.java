package org.ringtree.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** JSON logs by default, one setting back to text. */
class LogFormatTest {

  private static String structuredFormat(String setting) {
    MockEnvironment env = new MockEnvironment();
    if (setting != null) {
      env.setProperty(LogFormat.SETTING, setting);
    }
    new LogFormat().postProcessEnvironment(env, null);
    return env.getProperty(LogFormat.SPRING_SETTING);
  }

  @Test
  void jsonByDefaultTextOnRequest() {
    assertThat(structuredFormat(null)).isEqualTo("ecs");
    assertThat(structuredFormat("json")).isEqualTo("ecs");
    assertThat(structuredFormat("TEXT")).isNull();
    assertThat(structuredFormat("logstash")).isEqualTo("logstash");
    assertThatThrownBy(() -> structuredFormat("xml")).hasMessageContaining("json, text");
  }
}
