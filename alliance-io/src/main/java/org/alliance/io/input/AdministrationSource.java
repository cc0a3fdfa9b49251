package org.alliance.io.input;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Administrations read one at a time from some input (a CSV file, a FHIR bundle, a REDCap export),
 * each with the problems found in it and where. Importers stream; callers close the source when
 * done.
 */
public interface AdministrationSource extends Iterator<AdministrationRow>, Closeable {}
