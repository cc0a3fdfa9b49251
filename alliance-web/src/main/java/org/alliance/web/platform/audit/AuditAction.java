package org.alliance.web.platform.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Everything the audit log records: each action with the code stored in the log (and answered by
 * the API) and the words the audit page shows. Codes are stored, so an action's code never changes.
 */
public enum AuditAction {
  SIGN_IN("user.sign-in", "signed in"),
  CASELOAD_READ("caseload.read", "opened the caseload"),
  CLIENT_LIST("client.list", "listed clients"),
  CLIENT_READ("client.read", "read a client's record"),
  CLIENT_PAGE("client.page", "opened a client's page"),
  CLIENT_CHART("client.chart", "viewed a client's chart"),
  CLIENT_REPORT("client.report", "printed a client's report"),
  CLIENT_CREATE("client.create", "added a client"),
  CLIENT_EDIT("client.edit", "changed a client's details"),
  CLIENT_DISCHARGE("client.discharge", "discharged a client"),
  CLIENT_READMIT("client.readmit", "re-admitted a client"),
  CLIENT_REASSIGN("client.reassign", "moved a client to another clinician"),
  CLIENT_LANGUAGE("client.language", "chose the language of their pages (the client, on a link)"),
  EPISODE_LIST("episode.list", "listed a client's episodes of care"),
  EPISODE_OPEN("episode.open", "opened an episode of care"),
  EPISODE_CLOSE("episode.close", "closed an episode of care"),
  CLIENT_DENIED("client.denied", "was refused a client's record"),
  CLIENT_ERASE("client.erase", "erased a client's personal data"),
  CLIENT_SUBJECT_ACCESS("client.subject-access", "exported everything held about a client"),
  TREND_READ("trend.read", "read a client's trend"),
  ALERTS_READ("alerts.read", "read the alerts"),
  FHIR_READ("fhir.read", "exported a client's record as FHIR"),
  COHORT_READ("cohort.read", "read outcome statistics"),
  ENTRY_FORM("entry.form", "opened the entry form"),
  ADMINISTRATION_CREATE("administration.create", "recorded a questionnaire"),
  ADMINISTRATION_IMPORT("administration.import", "imported a questionnaire"),
  ADMINISTRATION_CORRECT("administration.correct", "corrected a questionnaire"),
  ADMINISTRATION_VOID("administration.void", "voided a questionnaire"),
  IMPORT_PREVIEW("import.preview", "previewed an import"),
  IMPORT("import", "imported a file"),
  ALERT_ACKNOWLEDGE("alert.acknowledge", "acknowledged an alert"),
  ALERT_REOPEN("alert.reopen", "re-opened an acknowledged alert"),
  NOTE_CREATE("note.create", "added a chart note"),
  NOTE_EDIT("note.edit", "edited a chart note"),
  LINK_CREATE("link.create", "created a client link"),
  KIOSK_START("kiosk.start", "started kiosk mode on a tablet"),
  KIOSK_FINISH("kiosk.finish", "stored the answers given in kiosk mode"),
  KIOSK_EXIT("kiosk.exit", "left kiosk mode"),
  KIOSK_EXIT_FAILED("kiosk.exit-failed", "gave a wrong PIN or password to leave kiosk mode"),
  KIOSK_PIN_SET("kiosk.pin-set", "set their kiosk PIN"),
  KIOSK_PIN_REMOVE("kiosk.pin-remove", "removed their kiosk PIN"),
  INSTRUMENT_ADD("instrument.add", "added an instrument"),
  INSTRUMENT_ON("instrument.on", "switched an instrument on"),
  INSTRUMENT_OFF("instrument.off", "switched an instrument off"),
  USER_CREATE("user.create", "added a user"),
  USER_CHANGE("user.change", "changed a user"),
  USER_DISABLE("user.disable", "disabled a user"),
  USER_ENABLE("user.enable", "enabled a user"),
  TOKEN_CREATE("token.create", "created an API token"),
  TOKEN_REVOKE("token.revoke", "revoked an API token"),
  PASSWORD_CHANGE("password.change", "changed their password"),
  PASSWORD_RESET("password.reset", "reset a user's password"),
  SESSION_EXPIRE("session.expire", "was signed out after a time without activity"),
  AUDIT_READ("audit.read", "read the audit log"),
  DEMO_SEED("demo.seed", "seeded the demo clinic");

  private final String code;
  private final String words;

  AuditAction(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The code stored in the log, such as {@code client.read}. */
  public String code() {
    return code;
  }

  /** What the action is in plain words, for the audit page. */
  public String words() {
    return words;
  }

  /** The action with this stored code. */
  public static Optional<AuditAction> ofCode(String code) {
    return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
  }
}
