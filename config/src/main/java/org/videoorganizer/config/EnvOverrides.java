package org.videoorganizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Writes {@code VORG_*} variables over the file's values: {@code VORG_HTTP_PORT=9000} sets
 * {@code http.port}; {@code VORG_SOURCES=downloads=/srv/inbox,tv=/srv/tv} replaces the sources
 * (an entry may end in {@code ;marker=.vorg-mounted}; {@code gdrive=gdrive:Videos} is a remote source).
 */
final class EnvOverrides {

  /** Sets a source's mount marker in VORG_SOURCES: {@code downloads=/srv/inbox;marker=.vorg-mounted}. */
  private static final String MARKER = ";marker=";

  private EnvOverrides() {}

  static void apply(ObjectNode tree, Map<String, String> env) {
    for (String key : Keys.SCALARS.keySet()) {
      String value = env.get(Keys.envName(key));
      if (value != null) {
        set(tree, key, value);
      }
    }
    String sources = env.get("VORG_SOURCES");
    if (sources != null) {
      tree.set("sources", parseSources(tree, sources));
    }
  }

  private static void set(ObjectNode tree, String key, String value) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      tree.put(key, value);
      return;
    }
    String section = key.substring(0, dot);
    JsonNode existing = tree.get(section);
    ObjectNode target = existing instanceof ObjectNode o ? o : tree.putObject(section);
    target.put(key.substring(dot + 1), value);
  }

  private static JsonNode parseSources(ObjectNode tree, String text) {
    var list = tree.arrayNode();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("VORG_SOURCES", entry, "name=/path entries separated by commas");
      }
      var source = list.addObject().put("name", entry.substring(0, eq).strip());
      String rest = entry.substring(eq + 1);
      int marker = rest.lastIndexOf(MARKER);
      if (marker >= 0) {
        source.put("marker", rest.substring(marker + MARKER.length()).strip());
        rest = rest.substring(0, marker);
      }
      source.put(RemoteSources.looksRemote(rest.strip()) ? "remote" : "path", rest.strip());
    }
    return list;
  }
}
