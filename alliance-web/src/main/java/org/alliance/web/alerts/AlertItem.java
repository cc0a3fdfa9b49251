package org.alliance.web.alerts;

import java.util.Optional;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;

/**
 * An alert as a page shows it: its explanation and, once acknowledged, the follow-up with who and
 * when.
 */
public record AlertItem(
    String ruleId,
    String title,
    String measure,
    int session,
    String explanation,
    String tone,
    Optional<Acknowledgement> acknowledgement) {}
