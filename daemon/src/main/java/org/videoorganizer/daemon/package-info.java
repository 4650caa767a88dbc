/**
 * The composition root and the flow, one package per step: {@code ingest}, {@code source} (the
 * one scanner), {@code pipeline} (the job stages), {@code identify}, {@code plan}, {@code organize}
 * (the safe mover), {@code announce}; around them {@code store}, {@code queue}, {@code app},
 * {@code http}, {@code cli} and {@code sync} (rclone). Map: docs/architecture.md.
 */
package org.videoorganizer.daemon;
