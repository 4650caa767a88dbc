package org.videoorganizer.gpu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.gpu.cost.CostRecord;
import org.videoorganizer.gpu.extract.MediaProbe;
import org.videoorganizer.gpu.extract.StreamInfo;
import org.videoorganizer.gpu.ocr.OcrLine;

/** An {@link AnalysisReport} as one JSON object: for {@code vorg analyze} and for analysis_results. */
public final class ReportJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  public static String of(AnalysisReport r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("file", r.file());
    m.put("probe", probe(r.probe()));
    m.put("damaged", r.damaged());
    r.damage().ifPresent(d -> m.put("damage", d));
    m.put("key_frames", r.keyFrames());
    m.put("ocr", r.ocr().stream().map(ReportJson::line).toList());
    m.put("proposals", r.proposals().stream().map(ReportJson::proposal).toList());
    r.description().ifPresent(d -> m.put("description", d));
    r.contentType().ifPresent(d -> m.put("content_type", d));
    r.transcript().ifPresent(d -> m.put("transcript", d));
    r.spokenLanguage().ifPresent(d -> m.put("spoken_language", d));
    m.put("remote", r.remote().name().toLowerCase(java.util.Locale.ROOT));
    if (!r.remoteReason().isEmpty()) {
      m.put("remote_reason", r.remoteReason());
    }
    m.put("cost_usd", Math.round(r.costUsd() * 1e6) / 1e6);
    m.put("costs", r.costs().stream().map(ReportJson::cost).toList());
    m.put("local_ms", r.localMillis());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the analysis of " + r.file() + " as JSON", e);
    }
  }

  private static Map<String, Object> probe(MediaProbe p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("format", p.format());
    m.put("duration_s", p.duration().toMillis() / 1000.0);
    m.put("video_codec", p.videoCodec());
    m.put("width", p.width());
    m.put("height", p.height());
    m.put("frame_rate", Math.round(p.frameRate() * 1000) / 1000.0);
    m.put("audio_languages", p.audioLanguages());
    m.put("subtitles", p.subtitleTracks().stream().map(s -> stream(s)).toList());
    m.put("streams", p.streams().stream().map(ReportJson::stream).toList());
    return m;
  }

  private static Map<String, Object> stream(StreamInfo s) {
    var m = new LinkedHashMap<String, Object>();
    m.put("index", s.index());
    m.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("codec", s.codec());
    if (s.language() != null) {
      m.put("language", s.language());
    }
    if (s.title() != null) {
      m.put("title", s.title());
    }
    return m;
  }

  private static Map<String, Object> line(OcrLine l) {
    return Map.of("text", l.text(), "confidence", Math.round(l.confidence()), "at_s", l.at().toMillis() / 1000.0);
  }

  private static Map<String, Object> proposal(TitleProposal p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("text", p.text());
    if (p.year() != null) {
      m.put("year", p.year());
    }
    if (p.contentType() != null) {
      m.put("content_type", p.contentType());
    }
    m.put("source", p.source());
    m.put("confidence", Math.round(p.confidence() * 100) / 100.0);
    return m;
  }

  private static Map<String, Object> cost(CostRecord c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("backend", c.backend());
    m.put("task", c.task());
    m.put("gpu_class", c.gpuClass());
    m.put("usd_per_s", c.usdPerSecond());
    m.put("usd_per_mtok_in", c.usdPerMillionTokensIn());
    m.put("usd_per_mtok_out", c.usdPerMillionTokensOut());
    m.put("wall_ms", c.wallMillis());
    m.put("execution_ms", c.executionMillis());
    m.put("queue_ms", c.queueMillis());
    m.put("tokens_in", c.tokensIn());
    m.put("tokens_out", c.tokensOut());
    m.put("audio_s", c.audioSeconds());
    m.put("usd", c.usd());
    m.put("at", c.at().toString());
    return m;
  }

}
