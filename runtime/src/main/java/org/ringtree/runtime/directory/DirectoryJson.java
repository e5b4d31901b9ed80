package org.ringtree.runtime.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.ringtree.rules.json.RingtreeJson;

/** The rules records as the directory tables keep them in their JSON columns. */
final class DirectoryJson {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private DirectoryJson() {}

  static String write(Object value) {
    return RingtreeJson.write(value);
  }

  static <T> T read(String json, Class<T> type, String table) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + table + " row: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, String> readSourceTags(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable source tags: " + json, e);
    }
  }
}
