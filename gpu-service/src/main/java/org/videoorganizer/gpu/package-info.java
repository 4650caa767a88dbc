/**
 * Content analysis for videos whose name is not enough: key frames and an audio window extracted
 * with JavaCV, local OCR, and clients for remote inference endpoints with cost accounting per
 * call.
 */
package org.videoorganizer.gpu;
