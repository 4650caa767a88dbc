/**
 * The composition root and the flow, one package per step: {@code ingest}, {@code source} (the
 * one scanner), {@code pipeline} (the job stages), {@code identify}, {@code plan}, {@code organize}
 * (the safe mover), {@code announce}; around them {@code store}, {@code queue}, {@code app},
 * {@code http}, {@code cli} and {@code sync} (rclone). Map: docs/architecture.md.
 *
 * <p>Concurrency: the daemon's own work (dispatcher, stages, ingest, sync) is plain blocking code
 * on virtual threads against the Vert.x clients ({@code Blocking.await} of the {@code blocking}
 * module); Vert.x's event loop runs only I/O handlers (the HTTP servers, the webhook). Why:
 * docs/architecture.md.
 */
package org.videoorganizer.daemon;
