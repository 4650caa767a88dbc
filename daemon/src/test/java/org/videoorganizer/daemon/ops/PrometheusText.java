package org.videoorganizer.daemon.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (the format spec's grammar):
 * {@code # HELP} and {@code # TYPE} lines, samples {@code name{label="value",...} value [timestamp]}
 * with the escapes {@code \\ \" \n} in label values, Go float values ({@code +Inf}, {@code NaN}).
 * Throws on a line that does not follow it, a TYPE given twice or after its samples, an unknown
 * type, a series given twice, or a family whose samples are not together.
 */
final class PrometheusText {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final Set<String> SUFFIXES = Set.of("_total", "_count", "_sum", "_bucket", "_created", "_max");

  final Map<String, String> types = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    PrometheusText out = new PrometheusText();
    Set<String> series = new HashSet<>();
    Set<String> closedFamilies = new HashSet<>();
    String current = null;
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      String family;
      if (line.startsWith("#")) {
        family = out.comment(line, n);
        if (family == null) {
          continue;
        }
      } else {
        Sample s = sample(line, n);
        if (!series.add(s.name() + s.labels())) {
          throw new IllegalArgumentException("line " + n + ": series given twice: " + line);
        }
        out.samples.add(s);
        family = out.familyOf(s.name());
      }
      if (!family.equals(current)) {
        if (current != null) {
          closedFamilies.add(current);
        }
        if (closedFamilies.contains(family)) {
          throw new IllegalArgumentException("line " + n + ": family " + family + " is not together");
        }
        current = family;
      }
    }
    return out;
  }

  private String comment(String line, int n) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
      return null; // any other comment is allowed
    }
    if (!NAME.matcher(parts[2]).matches()) {
      throw new IllegalArgumentException("line " + n + ": bad metric name " + parts[2]);
    }
    if (parts[1].equals("TYPE")) {
      String type = parts.length == 4 ? parts[3] : "";
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("line " + n + ": unknown type '" + type + "'");
      }
      if (types.put(parts[2], type) != null) {
        throw new IllegalArgumentException("line " + n + ": TYPE of " + parts[2] + " given twice");
      }
      if (samples.stream().anyMatch(s -> familyOf(s.name()).equals(parts[2]))) {
        throw new IllegalArgumentException("line " + n + ": TYPE of " + parts[2] + " after its samples");
      }
    }
    return parts[2];
  }

  private String familyOf(String sample) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : SUFFIXES) {
      if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
        return sample.substring(0, sample.length() - suffix.length());
      }
    }
    return sample;
  }

  private static Sample sample(String line, int n) {
    Matcher name = NAME.matcher(line);
    if (!name.lookingAt()) {
      throw new IllegalArgumentException("line " + n + ": no metric name: " + line);
    }
    int i = name.end();
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        Matcher l = LABEL.matcher(line).region(i, line.length());
        if (!l.lookingAt() || labels.put(l.group(1), unescape(l.group(2))) != null) {
          throw new IllegalArgumentException("line " + n + ": bad or repeated label at column " + i + ": " + line);
        }
        i = l.end();
        if (line.charAt(i) == ',') {
          i++;
        } else if (line.charAt(i) != '}') {
          throw new IllegalArgumentException("line " + n + ": expected , or } at column " + i + ": " + line);
        }
      }
      i++;
    }
    String[] rest = line.substring(i).split(" ", -1);
    if (rest.length < 2 || rest.length > 3 || !rest[0].isEmpty()) {
      throw new IllegalArgumentException("line " + n + ": expected ' value [timestamp]': " + line);
    }
    if (rest.length == 3) {
      Long.parseLong(rest[2]);
    }
    return new Sample(name.group(), labels, value(rest[1], n));
  }

  private static double value(String text, int n) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
          throw new IllegalArgumentException("line " + n + ": not a number: " + text);
        }
        yield Double.parseDouble(text);
      }
    };
  }

  private static String unescape(String v) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        char next = v.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The value of the one sample with this name and (at least) these labels. */
  Optional<Double> value(String name, Map<String, String> labels) {
    List<Sample> found = samples.stream().filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException(found.size() + " samples match " + name + labels);
    }
    return found.stream().findFirst().map(Sample::value);
  }

  double sum(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).mapToDouble(Sample::value).sum();
  }
}
