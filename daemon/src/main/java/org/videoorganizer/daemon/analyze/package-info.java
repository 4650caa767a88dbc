/**
 * The daemon's side of content analysis (gpu-service, docs/analysis.md): which videos are looked
 * inside ({@link org.videoorganizer.daemon.analyze.VideoAnalysis#reason}), the analyzer with its
 * remote backends, the budgets over the store's cost ledger, and what the status shows of them.
 * The analyze step itself is {@code pipeline.AnalyzeStage}.
 */
package org.videoorganizer.daemon.analyze;
