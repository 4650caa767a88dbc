package org.videoorganizer.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * HTML building with escaping by default: every value from the daemon (file names, titles,
 * reasons) goes through {@link #esc}, so a file called {@code <script>...</script>.mkv} is text.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(4096);

  /** Escapes for element text and quoted attribute values. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append('\uFFFD'); // control characters in a name are shown, not interpreted
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Trusted markup written by this code (never data). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Escaped text. */
  Html text(Object value) {
    out.append(esc(value));
    return this;
  }

  /** {@code <tag>escaped text</tag>}. */
  Html el(String tag, Object value) {
    out.append('<').append(tag).append('>').append(esc(value)).append("</").append(tag).append('>');
    return this;
  }

  Html hidden(String name, Object value) {
    return raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
  }

  /** A two-column table of a JSON object's fields (nested values as compact JSON text). */
  Html fields(JsonObject o) {
    raw("<table class=\"fields\">");
    for (Map.Entry<String, Object> e : o) {
      Object v = e.getValue();
      raw("<tr><th>").text(e.getKey()).raw("</th><td>")
          .text(v instanceof JsonObject j ? j.encode() : v instanceof JsonArray a ? a.encode() : v).raw("</td></tr>");
    }
    return raw("</table>");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
