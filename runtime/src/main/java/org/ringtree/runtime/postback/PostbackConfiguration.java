package org.ringtree.runtime.postback;

import org.apache.camel.CamelContext;
import org.ringtree.integrations.postback.PostbackSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one publisher postback sender of this node, on the application's Camel context. */
@Configuration
class PostbackConfiguration {

  @Bean(destroyMethod = "close")
  PostbackSender postbackSender(
      CamelContext camel, PostbackProperties properties, PostbackStore log) {
    return new PostbackSender(camel, properties.policy(), log);
  }
}
