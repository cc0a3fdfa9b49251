package org.alliance.io.export;

import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.io.input.SourceLocation;

/**
 * One administration to export, with its score (null in an answers export, which does not need it)
 * and where it was read; {@code order} keeps the input's order among administrations that sort
 * alike.
 */
record ExportEntry(
    Administration administration, Score score, SourceLocation location, long order) {}
