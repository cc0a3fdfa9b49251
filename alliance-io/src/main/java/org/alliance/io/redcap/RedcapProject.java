package org.alliance.io.redcap;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;

/**
 * The REDCap project the toolkit writes for a set of instruments: a non-repeating {@code client}
 * form holding {@code record_id}, then one repeating form per instrument with {@code
 * <form>_session}, {@code <form>_date} and a field per item. Built only when every name suits
 * REDCap, so the data file and the data dictionary always agree and import.
 */
public record RedcapProject(List<Form> forms) {

  /** One instrument's form and the field of each of its items, in item order. */
  public record Form(Instrument instrument, String name, List<String> itemFields) {
    public Form {
      itemFields = ImmutableList.copyOf(itemFields);
    }

    public String sessionField() {
      return RedcapNames.sessionField(name);
    }

    public String dateField() {
      return RedcapNames.dateField(name);
    }
  }

  public RedcapProject {
    forms = ImmutableList.copyOf(forms);
  }

  /**
   * The project for these instruments, in this order.
   *
   * @throws IllegalArgumentException naming every field or form that REDCap would refuse, and every
   *     name used twice
   */
  public static RedcapProject of(List<Instrument> instruments) {
    List<String> problems = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    owners.put(RedcapNames.RECORD_ID, "the record id");
    Map<String, String> formOwners = new HashMap<>();
    formOwners.put(RedcapNames.CLIENT_FORM, "the client form");
    List<Form> forms = new ArrayList<>();
    for (Instrument instrument : instruments) {
      String form = RedcapNames.form(instrument);
      RedcapNames.formProblem(form)
          .ifPresent(problem -> problems.add(instrument.id() + ": form " + problem));
      String formOwner = formOwners.putIfAbsent(form, instrument.id());
      if (formOwner != null) {
        problems.add(
            instrument.id() + ": its form name '" + form + "' is already used by " + formOwner);
      }
      List<String> fields = new ArrayList<>();
      claim(RedcapNames.sessionField(form), instrument.id() + " session", owners, problems);
      claim(RedcapNames.dateField(form), instrument.id() + " date", owners, problems);
      for (Item item : instrument.items()) {
        String field = RedcapNames.field(item);
        claim(field, instrument.id() + " item " + item.id(), owners, problems);
        fields.add(field);
      }
      forms.add(new Form(instrument, form, fields));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot make a REDCap project of these instruments: " + String.join("; ", problems));
    }
    return new RedcapProject(forms);
  }

  private static void claim(
      String field, String what, Map<String, String> owners, List<String> problems) {
    Optional<String> problem = RedcapNames.problem(field);
    if (problem.isPresent()) {
      problems.add(what + ": " + problem.get());
      return;
    }
    String owner = owners.putIfAbsent(field, what);
    if (owner != null) {
      problems.add(what + ": field '" + field + "' is already used by " + owner);
    }
  }

  /** The form of an instrument id, if the project has it. */
  public Optional<Form> form(String instrumentId) {
    for (Form form : forms) {
      if (form.instrument().id().equalsIgnoreCase(instrumentId)) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }
}
