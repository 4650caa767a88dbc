package org.videoorganizer.core.nfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ids, titles and numbers from NFO files found next to videos, as leniently as Jellyfin:
 * several {@code <episodedetails>} roots in one file, a URL after the closing tag, or a file that
 * holds only a TMDB, IMDb or TheTVDB URL. Never resolves DTDs or external entities. Thread-safe.
 */
public final class NfoReader {

  /** NFOs larger than this are not NFOs (a renamed video, a log): they are not read. */
  static final long MAX_BYTES = 1 << 20;

  // Must match: "<?xml version="1.0" encoding="utf-8"?>"; must not match: "<?xml-stylesheet ...?>".
  private static final Pattern DECLARATION = Pattern.compile("<\\?xml\\s[^>]*\\?>");
  // Must match: "<!DOCTYPE movie>", "<!DOCTYPE x [ <!ENTITY a 'b'> ]>"; must not match: "<movie>".
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE(?:[^\\[>]|\\[[^\\]]*\\])*>", Pattern.CASE_INSENSITIVE);

  private final XMLInputFactory factory;

  private NfoReader() {
    factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  public static NfoReader create() {
    return new NfoReader();
  }

  /**
   * Reads an NFO file. Empty when it says nothing useful (no title, no id) or is larger than 1 MiB.
   *
   * @throws IOException when the file cannot be read
   */
  public Optional<NfoContent> read(Path nfo) throws IOException {
    if (Files.size(nfo) > MAX_BYTES) {
      return Optional.empty();
    }
    return parse(new String(Files.readAllBytes(nfo), StandardCharsets.UTF_8));
  }

  /** Reads NFO text. Empty when it says nothing useful. */
  public Optional<NfoContent> parse(String text) {
    String body = DOCTYPE.matcher(DECLARATION.matcher(text.replace("\uFEFF", "")).replaceAll("")).replaceAll("");
    var facts = new NfoFacts();
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new StringReader("<vorg-nfo>" + body + "</vorg-nfo>"));
      try {
        walk(r, facts);
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException notXml) {
      facts = new NfoFacts(); // not well-formed: only the links below count
      facts.outsideText.append(text);
    }
    if (!facts.hasIds()) {
      links(facts.outsideText.toString(), facts);
    }
    return facts.toContent();
  }

  private static void walk(XMLStreamReader r, NfoFacts facts) throws XMLStreamException {
    int depth = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2) {
          facts.root(r.getLocalName());
        } else if (depth == 3) {
          String type = attribute(r, "type");
          facts.child(r.getLocalName(), type, readText(r));
          depth--;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        facts.outsideText.append(r.getText()).append('\n');
      }
    }
  }

  private static String attribute(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  // Text of the current element, skipping nested elements (an <actor>'s <name>); ends on its END.
  private static String readText(XMLStreamReader r) throws XMLStreamException {
    var sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        sb.append(r.getText());
      }
    }
    return sb.toString().strip();
  }

  // Links Jellyfin takes from movie and tvshow NFOs that hold only a URL.
  // Must match: "https://www.themoviedb.org/movie/603-the-matrix", "themoviedb.org/tv/1396".
  private static final Pattern TMDB = Pattern.compile("themoviedb\\.org/(movie|tv)/(\\d+)");
  // Must match: "https://www.imdb.com/title/tt0133093/", "tt0133093"; must not match: "att12345678x" (word boundary).
  private static final Pattern IMDB = Pattern.compile("\\b(tt\\d{7,8})\\b");
  // Must match: "thetvdb.com/?tab=series&id=81189", "thetvdb.com/series/81189"; must not match: "thetvdb.com/series/breaking-bad".
  private static final Pattern TVDB = Pattern.compile("thetvdb\\.com/(?:\\?tab=series&(?:amp;)?id=|series/)(\\d+)");

  private static void links(String text, NfoFacts facts) {
    Matcher m = TMDB.matcher(text);
    if (m.find()) {
      facts.linkKind(m.group(1).equals("tv") ? NfoContent.Kind.TVSHOW : NfoContent.Kind.MOVIE);
      facts.tmdb(m.group(2));
    }
    m = IMDB.matcher(text);
    if (m.find()) {
      facts.imdb(m.group(1));
    }
    m = TVDB.matcher(text);
    if (m.find()) {
      facts.linkKind(NfoContent.Kind.TVSHOW);
      facts.tvdb(m.group(1));
    }
  }
}
