package org.videoorganizer.gpu.remote;

import java.util.List;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.extract.KeyFrame;

/** A vision-language model that looks at key frames and proposes what the video is. */
public interface FrameDescriber {

  /**
   * @param hints what is already known (file name, duration, OCR text), given to the model as text
   */
  VisualAnalysis describe(List<KeyFrame> frames, String hints) throws BackendUnavailableException,
      BackendRejectedException;

  Pricing pricing();
}
