/**
 * Typed configuration records, loaded from one YAML file plus VORG_* environment overrides and
 * validated once at start, with errors that name the key. Secrets come only from the environment
 * or a file.
 */
package org.videoorganizer.config;
