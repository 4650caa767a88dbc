package org.videoorganizer.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the YAML file into a tree; an empty file is an empty mapping. */
final class YamlFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlFile() {}

  static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ObjectNode read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigException("config file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return empty();
    }
    if (!root.isObject()) {
      throw new ConfigException("(top level)", root.toString(), "a mapping of keys to values in " + file);
    }
    return (ObjectNode) root;
  }
}
