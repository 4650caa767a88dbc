package org.videoorganizer.gpu.remote;

import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.extract.AudioClip;

/** A speech recogniser (Whisper and the like). */
public interface Transcriber {

  Transcript transcribe(AudioClip clip) throws BackendUnavailableException, BackendRejectedException;

  Pricing pricing();
}
