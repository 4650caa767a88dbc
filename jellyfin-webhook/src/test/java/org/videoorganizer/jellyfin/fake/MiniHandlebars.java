package org.videoorganizer.jellyfin.fake;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Handlebars the Webhook plugin's templates use here: {@code {{Name}}} (HTML-escaped),
 * {@code {{{Name}}}} (raw), the plugin's {@code {{json_encode Name}}} and
 * {@code {{#if_exist Name}}..{{else}}..{{/if_exist}}}. Anything else is refused, so a template
 * in the docs that the real plugin could not render fails the tests.
 */
final class MiniHandlebars {

  // Matches "{{#if_exist Year}}...{{/if_exist}}" (non-nested); not "{{#each Items}}".
  private static final Pattern IF_EXIST = Pattern.compile(
      "\\{\\{#if_exist (\\w+)}}(.*?)(?:\\{\\{else}}(.*?))?\\{\\{/if_exist}}", Pattern.DOTALL);
  // Matches "{{{Name}}}", "{{Name}}", "{{json_encode Name}}"; not "{{#if_exist X}}".
  private static final Pattern TAG = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(json_encode |url_encode )?(\\w+)}}");

  private MiniHandlebars() {}

  static String render(String template, Map<String, Object> data) {
    String withBlocks = replace(IF_EXIST.matcher(template), m -> {
      Object v = data.get(m.group(1));
      boolean exists = v != null && !String.valueOf(v).isEmpty();
      return exists ? m.group(2) : (m.group(3) == null ? "" : m.group(3));
    });
    String out = replace(TAG.matcher(withBlocks), m -> {
      if (m.group(1) != null) {
        return text(data.get(m.group(1)));
      }
      String value = text(data.get(m.group(3)));
      if (m.group(2) == null) {
        return htmlEscape(value);
      }
      return m.group(2).startsWith("json") ? jsonEncode(value)
          : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    });
    if (out.contains("{{")) {
      throw new IllegalArgumentException("template uses Handlebars the fake plugin does not know: "
          + out.substring(out.indexOf("{{"), Math.min(out.length(), out.indexOf("{{") + 40)));
    }
    return out;
  }

  private interface Replacer {
    String apply(Matcher m);
  }

  private static String replace(Matcher m, Replacer replacer) {
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(replacer.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String text(Object v) {
    return v == null ? "" : String.valueOf(v);
  }

  static String htmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#x27;").replace("`", "&#x60;").replace("=", "&#x3D;");
  }

  /** Like .NET's JsonEncodedText: JSON string escaping without the surrounding quotes. */
  static String jsonEncode(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\u0022");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '\'' -> sb.append("\\u0027");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
