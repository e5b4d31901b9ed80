package org.ringtree.runtime.directory;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One handler serves every kind's PUT ({@code /api/directory/{kind}/{id}}); the OpenAPI document
 * still lists each kind's path with the body it takes, so a client sees a Buyer where a buyer goes.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryApiReference {

  static final String GENERIC = "/api/directory/{kind}/{id}";

  @Bean
  OpenApiCustomizer directoryPutsByKind(DirectoryController controller) {
    return api -> {
      PathItem generic = api.getPaths() == null ? null : api.getPaths().get(GENERIC);
      if (generic == null || generic.getPut() == null) {
        return;
      }
      Operation template = generic.getPut();
      generic.setPut(null);
      controller
          .bodyTypes()
          .forEach(
              (kind, type) -> {
                String name = type.getSimpleName();
                Schema<?> body = new Schema<>().$ref("#/components/schemas/" + name);
                Operation put =
                    new Operation()
                        .tags(template.getTags())
                        .summary("Create or replace a " + name)
                        .operationId("put" + name)
                        .parameters(
                            template.getParameters().stream()
                                .filter(p -> !"kind".equals(p.getName()))
                                .toList())
                        .requestBody(
                            new RequestBody()
                                .description("a " + name)
                                .required(true)
                                .content(json(body)))
                        .responses(
                            new ApiResponses()
                                .addApiResponse(
                                    "200",
                                    new ApiResponse().description("OK").content(json(body))));
                api.getPaths()
                    .computeIfAbsent("/api/directory/" + kind + "/{id}", path -> new PathItem())
                    .setPut(put);
              });
    };
  }

  private static Content json(Schema<?> schema) {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType().schema(schema));
  }
}
