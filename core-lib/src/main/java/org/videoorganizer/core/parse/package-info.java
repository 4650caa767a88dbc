/**
 * File name and path parsing: turns a name such as Show/Season 2/03 - Title.mkv into what it
 * says about the video (type, title, year, season, episodes, release facts). Entry point:
 * FilenameParser.
 */
package org.videoorganizer.core.parse;
