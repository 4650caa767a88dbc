package org.videoorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig.AnalysisConfig;
import org.videoorganizer.config.VorgConfig.RemoteAnalysisConfig;

class AnalysisConfigTest {

  private static final String MINIMAL = "sources: [{name: downloads, path: /srv/inbox}]\nlibrary: /srv/media\n";

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

  private VorgConfig load(String yaml) throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  @Test
  void withoutTheSectionAnalysisIsOffAndLocalWithTheDefaultBudgets() throws IOException {
    AnalysisConfig a = load(MINIMAL).analysis();
    assertThat(a.enabled()).isFalse();
    assertThat(a.allVideos()).isFalse();
    assertThat(a.remote()).isEmpty();
    assertThat(a.dailyBudgetUsd()).isEqualTo(1.0);
    assertThat(a.monthlyBudgetUsd()).isEqualTo(20.0);
    assertThat(a.perVideoBudgetUsd()).isEqualTo(0.05);
  }

  @Test
  void anOpenAiCompatibleServerIsReadWithItsPricesAndBudgets() throws IOException {
    env.put("VORG_ANALYSIS_API_KEY", "sk-test");
    AnalysisConfig a = load(MINIMAL + "analysis: {enabled: true, videos: all, remote: openai, url: 'http://gpu:8000/v1/', "
        + "model: qwen2.5vl:7b, speech_url: 'http://gpu:8001/v1', gpu_class: L4, usd_per_second: 0.00019, timeout: 30s, "
        + "daily_budget_usd: 0.5, monthly_budget_usd: 5, per_video_budget_usd: 0.01}\n").analysis();
    assertThat(a.enabled()).isTrue();
    assertThat(a.allVideos()).isTrue();
    RemoteAnalysisConfig r = a.remote().orElseThrow();
    assertThat(r.kind()).isEqualTo("openai");
    assertThat(r.url()).as("the trailing slash dropped").isEqualTo("http://gpu:8000/v1");
    assertThat(r.model()).isEqualTo("qwen2.5vl:7b");
    assertThat(r.speechUrl()).contains("http://gpu:8001/v1");
    assertThat(r.apiKey().orElseThrow().reveal()).isEqualTo("sk-test");
    assertThat(r.gpuClass()).isEqualTo("L4");
    assertThat(r.usdPerSecond()).isEqualTo(0.00019);
    assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(a.dailyBudgetUsd()).isEqualTo(0.5);
    assertThat(a.monthlyBudgetUsd()).isEqualTo(5.0);
    assertThat(a.perVideoBudgetUsd()).isEqualTo(0.01);
  }

  @Test
  void aVisionModelWithRunPodSpeechKeepsEachKeyForItsOwnUrl() throws IOException {
    env.put("VORG_ANALYSIS_SPEECH_API_KEY", "rpa_speech");
    RemoteAnalysisConfig r = load(MINIMAL + "analysis: {remote: openai, url: 'http://127.0.0.1:11434/v1', "
        + "speech_url: 'https://api.runpod.ai/v2/whisper', speech_remote: runpod}\n").analysis().remote().orElseThrow();
    assertThat(r.apiKey()).as("a local Ollama needs no key, and gets none of RunPod's").isEmpty();
    assertThat(r.speechRemote()).isEqualTo("runpod");
    assertThat(r.speechApiKey().orElseThrow().reveal()).isEqualTo("rpa_speech");
  }

  @Test
  void runPodSpeechWithoutItsKeyOrBesideRunPodIsNamed() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: openai, url: 'http://127.0.0.1:11434/v1', "
        + "speech_url: 'https://api.runpod.ai/v2/whisper', speech_remote: runpod}\n"))
        .hasMessageContaining("VORG_ANALYSIS_SPEECH_API_KEY");
    env.put("VORG_ANALYSIS_API_KEY", "rpa");
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: runpod, url: 'https://api.runpod.ai/v2/a', "
        + "speech_url: 'http://127.0.0.1:8001/v1'}\n")).hasMessageContaining("analysis.speech_url")
        .hasMessageContaining("speech_remote runpod");
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: openai, url: 'http://x/v1', speech_remote: groq}\n"))
        .hasMessageContaining("analysis.speech_remote").hasMessageContaining("groq");
  }

  @Test
  void theVariablesOverrideTheFile() throws IOException {
    env.put("VORG_ANALYSIS_ENABLED", "true");
    env.put("VORG_ANALYSIS_DAILY_BUDGET_USD", "0");
    AnalysisConfig a = load(MINIMAL + "analysis: {enabled: false, daily_budget_usd: 3}\n").analysis();
    assertThat(a.enabled()).isTrue();
    assertThat(a.dailyBudgetUsd()).isZero();
  }

  @Test
  void theAnalysisSectionAloneIsReadAsTheDaemonReadsItWithoutTheDaemonsKeys() throws IOException {
    Path file = dir.resolve("vorg.yaml");
    Files.writeString(file, "library: /srv/media\nanalysis: {remote: openai, url: 'http://gpu:8000/v1', per_video_budget_usd: 0.02}\n");
    env.put("VORG_ANALYSIS_MODEL", "qwen2.5vl:7b");
    env.put("VORG_ANALYSIS_API_KEY", "sk-x");
    env.put("VORG_HTTP_PORT", "not a port"); // the daemon's, not looked at
    AnalysisConfig a = ConfigLoader.analysis(Optional.of(file), env);
    assertThat(a.remote().orElseThrow().model()).isEqualTo("qwen2.5vl:7b");
    assertThat(a.remote().orElseThrow().apiKey().orElseThrow().reveal()).isEqualTo("sk-x");
    assertThat(a.perVideoBudgetUsd()).isEqualTo(0.02);
  }

  @Test
  void theKeyComesFromAnOwnerOnlyFile() throws IOException {
    Path key = dir.resolve("runpod-key");
    Files.writeString(key, "rpa_secret\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    env.put("VORG_ANALYSIS_API_KEY_FILE", key.toString());
    RemoteAnalysisConfig r = load(MINIMAL + "analysis: {enabled: true, remote: runpod, url: 'https://api.runpod.ai/v2/abc'}\n")
        .analysis().remote().orElseThrow();
    assertThat(r.kind()).isEqualTo("runpod");
    assertThat(r.apiKey().orElseThrow().reveal()).isEqualTo("rpa_secret");
  }

  @Test
  void aKeyFileOpenToOthersIsRefusedWithTheCommandThatFixesIt() throws IOException {
    Path key = dir.resolve("runpod-key");
    Files.writeString(key, "rpa_secret\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    env.put("VORG_ANALYSIS_API_KEY_FILE", key.toString());
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: runpod, url: 'https://api.runpod.ai/v2/abc'}\n"))
        .hasMessageContaining("VORG_ANALYSIS_API_KEY_FILE").hasMessageContaining("chmod 600");
  }

  @Test
  void theKeyIsASecretAndRefusedInTheFile() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {api_key: sk-visible}\n"))
        .hasMessageContaining("VORG_ANALYSIS_API_KEY").hasMessageNotContaining("sk-visible");
  }

  @Test
  void runpodWithoutAKeyNamesTheVariable() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: runpod, url: 'https://api.runpod.ai/v2/abc'}\n"))
        .hasMessageContaining("VORG_ANALYSIS_API_KEY").hasMessageContaining("runpod");
  }

  @Test
  void aRemoteWithoutAUrlNamesTheKey() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: openai}\n"))
        .hasMessageContaining("analysis.url").hasMessageContaining("/v1");
  }

  @Test
  void anUnknownBackendOrVideoChoiceIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {remote: replicate}\n"))
        .hasMessageContaining("analysis.remote").hasMessageContaining("replicate").hasMessageContaining("openai");
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {videos: some}\n"))
        .hasMessageContaining("analysis.videos").hasMessageContaining("when_needed");
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "analysis: {monthly_budget_usd: -1}\n"))
        .hasMessageContaining("analysis.monthly_budget_usd").hasMessageContaining("-1");
  }
}
