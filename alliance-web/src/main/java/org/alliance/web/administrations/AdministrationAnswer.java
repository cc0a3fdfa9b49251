package org.alliance.web.administrations;

import java.time.LocalDate;
import java.util.Map;
import org.alliance.io.json.ScoreJson;

/** {@code POST /api/clients/{id}/administrations}: the stored administration and its score. */
public record AdministrationAnswer(
    long id,
    long client,
    String instrument,
    String version,
    int session,
    LocalDate date,
    ScoreJson score,
    Map<String, Double> riskFlags) {}
