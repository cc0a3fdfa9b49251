package org.alliance.web.platform.access;

import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which clients a user may see, as a condition on a query. Queries that list clients name the
 * clients table {@code c} and the clinician's row of the users table {@code u}. Only {@link Access}
 * makes scopes.
 */
public sealed interface ClientScope {

  /** The SQL condition, with the parameter {@code :scope} where it needs one. */
  String condition();

  /** Binds the parameter of the condition. */
  <S extends SqlStatement<S>> S bind(S statement);

  /** Every client of the clinic: an admin. */
  record Clinic() implements ClientScope {
    @Override
    public String condition() {
      return "TRUE";
    }

    @Override
    public <S extends SqlStatement<S>> S bind(S statement) {
      return statement;
    }
  }

  /** The clients of a team's clinicians: a supervisor. */
  record Team(long team) implements ClientScope {
    @Override
    public String condition() {
      return "u.team_id = :scope";
    }

    @Override
    public <S extends SqlStatement<S>> S bind(S statement) {
      return statement.bind("scope", team);
    }
  }

  /** A clinician's own clients. */
  record Caseload(long clinician) implements ClientScope {
    @Override
    public String condition() {
      return "c.clinician_id = :scope";
    }

    @Override
    public <S extends SqlStatement<S>> S bind(S statement) {
      return statement.bind("scope", clinician);
    }
  }
}
