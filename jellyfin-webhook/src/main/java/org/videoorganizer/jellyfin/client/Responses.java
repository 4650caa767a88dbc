package org.videoorganizer.jellyfin.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns Jellyfin's PascalCase JSON answers into our records; anything else is a bad response. */
final class Responses {

  private Responses() {}

  static ServerInfo serverInfo(String request, Buffer body) {
    JsonObject o = object(request, body);
    return new ServerInfo(string(request, o, "Id"), o.getString("ServerName", ""), string(request, o, "Version"));
  }

  static List<VirtualFolder> virtualFolders(String request, Buffer body) {
    JsonArray array = array(request, body);
    List<VirtualFolder> folders = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject o = elementObject(request, array, i);
      folders.add(new VirtualFolder(o.getString("Name", ""), o.getString("CollectionType", ""),
          o.getString("ItemId", ""), strings(request, o.getValue("Locations"))));
    }
    return folders;
  }

  /** {@code GET /System/Configuration}: only its {@code PathSubstitutions}. */
  static PathSubstitutions pathSubstitutions(String request, Buffer body) {
    JsonObject o = object(request, body);
    if (!(o.getValue("PathSubstitutions") instanceof JsonArray array)) {
      return PathSubstitutions.NONE;
    }
    List<PathSubstitutions.Rule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject rule = elementObject(request, array, i);
      rules.add(new PathSubstitutions.Rule(rule.getString("From", ""), rule.getString("To", "")));
    }
    return new PathSubstitutions(rules);
  }

  /** {@code GET /Library/VirtualFolders}: the folders that have a {@code NetworkPath}. */
  static PathSubstitutions networkPaths(String request, Buffer body) {
    JsonArray array = array(request, body);
    List<PathSubstitutions.Rule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject options = elementObject(request, array, i).getJsonObject("LibraryOptions");
      JsonArray infos = options == null ? null : options.getJsonArray("PathInfos");
      for (int k = 0; infos != null && k < infos.size(); k++) {
        JsonObject info = elementObject(request, infos, k);
        rules.add(new PathSubstitutions.Rule(info.getString("Path", ""), info.getString("NetworkPath", "")));
      }
    }
    return new PathSubstitutions(rules);
  }

  static List<JellyfinItem> items(String request, Buffer body) {
    JsonObject o = object(request, body);
    if (!(o.getValue("Items") instanceof JsonArray array)) {
      throw JellyfinException.badResponse(request, "no Items array", null);
    }
    List<JellyfinItem> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      items.add(item(request, elementObject(request, array, i)));
    }
    return items;
  }

  private static JellyfinItem item(String request, JsonObject o) {
    try {
      return new JellyfinItem(string(request, o, "Id"), o.getString("Name", ""), o.getString("Type", ""),
          Optional.ofNullable(o.getString("Path")), providerIds(o.getValue("ProviderIds")),
          Optional.ofNullable(o.getValue("SeriesId")).map(String::valueOf), number(o, "ParentIndexNumber"),
          number(o, "IndexNumber"), number(o, "IndexNumberEnd"));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw JellyfinException.badResponse(request, "item " + o.getValue("Id") + ": " + e.getMessage(), e);
    }
  }

  private static java.util.OptionalInt number(JsonObject o, String key) {
    return o.getValue(key) instanceof Number n ? java.util.OptionalInt.of(n.intValue()) : java.util.OptionalInt.empty();
  }

  private static Map<String, String> providerIds(Object value) {
    Map<String, String> ids = new HashMap<>();
    if (value instanceof JsonObject o) {
      o.forEach(e -> {
        if (e.getValue() != null) {
          ids.put(e.getKey(), String.valueOf(e.getValue()));
        }
      });
    }
    return ids;
  }

  private static JsonObject object(String request, Buffer body) {
    try {
      return body == null ? fail(request, "empty body") : new JsonObject(body);
    } catch (DecodeException e) {
      return fail(request, "not a JSON object, starts with '" + start(body) + "'");
    }
  }

  private static JsonArray array(String request, Buffer body) {
    try {
      return body == null ? fail(request, "empty body") : new JsonArray(body);
    } catch (DecodeException e) {
      return fail(request, "not a JSON array, starts with '" + start(body) + "'");
    }
  }

  private static JsonObject elementObject(String request, JsonArray array, int i) {
    if (array.getValue(i) instanceof JsonObject o) {
      return o;
    }
    return fail(request, "element " + i + " is not an object");
  }

  private static List<String> strings(String request, Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      return fail(request, "Locations is not an array");
    }
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }

  private static String string(String request, JsonObject o, String key) {
    if (o.getValue(key) instanceof String s && !s.isBlank()) {
      return s;
    }
    return fail(request, "missing string field " + key);
  }

  static String start(Buffer body) {
    if (body == null) {
      return "";
    }
    String text = body.length() > 80 ? body.getString(0, 80) : body.toString();
    return text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  private static <T> T fail(String request, String problem) {
    throw JellyfinException.badResponse(request, problem, null);
  }
}
