package org.videoorganizer.gpu;

import java.util.List;
import java.util.Optional;
import org.videoorganizer.gpu.cost.CostRecord;
import org.videoorganizer.gpu.extract.MediaProbe;
import org.videoorganizer.gpu.ocr.OcrLine;

/**
 * The evidence analysis found in one video. Nothing here decides what the video is: the
 * matcher weighs it (see {@link AnalysisMatcher}).
 *
 * @param file the analysed file
 * @param probe the container's facts (duration for runtime evidence, languages, subtitle tracks)
 * @param damage why the streams are unusable, or empty; a damaged file gets no further analysis
 * @param ocr confident lines read from the key frames
 * @param proposals titles to search for, strongest first
 * @param description what a vision model says the video shows, or empty
 * @param contentType movie, episode, home_video, documentary or other from the vision model, or empty
 * @param transcript the speech of the sampled windows, or empty
 * @param spokenLanguage the language the speech recogniser detected, or empty
 * @param remote what became of the remote part, and {@code remoteReason} why
 * @param costs the remote calls made for this analysis
 * @param keyFrames how many key frames were taken
 * @param localMillis wall time of extraction and OCR
 */
public record AnalysisReport(String file, MediaProbe probe, Optional<String> damage, List<OcrLine> ocr,
    List<TitleProposal> proposals, Optional<String> description, Optional<String> contentType,
    Optional<String> transcript, Optional<String> spokenLanguage, RemoteStatus remote, String remoteReason,
    List<CostRecord> costs, int keyFrames, long localMillis) {

  public AnalysisReport {
    ocr = List.copyOf(ocr);
    proposals = List.copyOf(proposals);
    costs = List.copyOf(costs);
  }

  /** Dollars spent on remote calls in this analysis. */
  public double costUsd() {
    return costs.stream().mapToDouble(CostRecord::usd).sum();
  }

  public boolean damaged() {
    return damage.isPresent();
  }
}
