package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alliance.io.json.AlertJson;
import org.alliance.io.json.CourseJson;
import org.alliance.io.json.IntervalJson;
import org.alliance.io.json.ProblemJson;
import org.alliance.io.json.ProportionJson;
import org.alliance.io.json.ScoreJson;
import org.alliance.web.accounts.AccountJson;
import org.alliance.web.administrations.AdministrationAnswer;
import org.alliance.web.administrations.StoredAdministrationJson;
import org.alliance.web.alerts.AlertsAnswer;
import org.alliance.web.alerts.ClientTrendAnswer;
import org.alliance.web.clients.CaseloadLineJson;
import org.alliance.web.clients.ClientDetailJson;
import org.alliance.web.clients.ClientProfileJson;
import org.alliance.web.imports.ImportAnswer;
import org.alliance.web.instruments.InstrumentJson;
import org.alliance.web.platform.access.ClientJson;
import org.alliance.web.platform.http.ErrorJson;
import org.alliance.web.platform.http.Json;
import org.alliance.web.team.CohortAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /openapi.json lists exactly the routes Javalin has, with their
 * methods, and its schemas name exactly the fields of the records the API answers with.
 */
class OpenApiTest {
  /**
   * Each answer record and the schema that describes it; nested records are checked through the
   * schema's refs.
   */
  private static final Map<String, Class<?>> SCHEMAS = schemas();

  @TempDir Path dataDir;

  private static Map<String, Class<?>> schemas() {
    Map<String, Class<?>> schemas = new LinkedHashMap<>();
    schemas.put("Error", ErrorJson.class);
    schemas.put("Client", ClientJson.class);
    schemas.put("Clients", CaseloadLineJson.Answer.class);
    schemas.put("ClientProfile", ClientProfileJson.class);
    schemas.put("ClientDetail", ClientDetailJson.class);
    schemas.put("StoredAdministration", StoredAdministrationJson.class);
    schemas.put("Episode", org.alliance.web.episodes.EpisodeJson.class);
    schemas.put("Episodes", org.alliance.web.episodes.EpisodesApi.Answer.class);
    schemas.put("AdministrationAnswer", AdministrationAnswer.class);
    schemas.put("Score", ScoreJson.class);
    schemas.put("Problem", ProblemJson.class);
    schemas.put("Alert", AlertJson.class);
    schemas.put("Course", CourseJson.class);
    schemas.put("ClientTrend", ClientTrendAnswer.class);
    schemas.put("AlertsAnswer", AlertsAnswer.class);
    schemas.put("Cohort", CohortAnswer.class);
    schemas.put("Proportion", ProportionJson.class);
    schemas.put("Interval", IntervalJson.class);
    schemas.put("Me", AccountJson.Me.class);
    schemas.put("Tokens", AccountJson.Tokens.class);
    schemas.put("NewToken", AccountJson.NewToken.class);
    schemas.put("Session", AccountJson.Session.class);
    schemas.put("AuditEntries", AccountJson.Entries.class);
    schemas.put("Instruments", InstrumentJson.Answer.class);
    schemas.put("ImportAnswer", ImportAnswer.class);
    return schemas;
  }

  @Test
  void theDocumentListsExactlyTheRegisteredRoutes() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      JsonNode document = clinic.get("/openapi.json", null).expect(200).json();
      assertThat(document.get("openapi").asText()).startsWith("3.");
      Set<String> documented = new TreeSet<>();
      for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
        String path = paths.next();
        document
            .get("paths")
            .get(path)
            .fieldNames()
            .forEachRemaining(
                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
      }
      assertThat(documented).isEqualTo(Routes.of(clinic.server));
      // Every operation says what it answers.
      document
          .get("paths")
          .forEach(
              path ->
                  path.forEach(operation -> assertThat(operation.get("responses")).isNotEmpty()));
    }
  }

  @Test
  void theSchemasNameExactlyTheFieldsOfTheAnswerRecords() throws IOException {
    JsonNode document = document();
    JsonNode schemas = document.get("components").get("schemas");
    ObjectMapper mapper = Json.MAPPER;
    List<String> wrong = new ArrayList<>();
    SCHEMAS.forEach(
        (name, type) -> {
          assertThat(schemas.has(name))
              .as("openapi.json has no schema %s for %s", name, type.getName())
              .isTrue();
          check(mapper, schemas, name, schemas.get(name), mapper.constructType(type), wrong);
        });
    assertThat(wrong)
        .as("schemas of openapi.json that differ from the records the API answers with")
        .isEmpty();
  }

  @Test
  void aChangedFieldIsFoundAndNamed() throws IOException {
    record Renamed(long id, String reference, String clinicianName, java.time.Instant createdAt) {}
    JsonNode schemas = document().get("components").get("schemas");
    List<String> wrong = new ArrayList<>();
    check(
        Json.MAPPER,
        schemas,
        "Client",
        schemas.get("Client"),
        Json.MAPPER.constructType(Renamed.class),
        wrong);
    assertThat(wrong)
        .singleElement()
        .asString()
        .contains("Client")
        .contains("clinicianName")
        .contains("clinician");
  }

  /** The document as the server has it on its class path. */
  private static JsonNode document() throws IOException {
    try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  /**
   * Compares the schema's property names, in order, with the JSON properties Jackson writes for the
   * record, then goes into every property that holds a record (or a list or map of them) with the
   * schema it names.
   */
  private static void check(
      ObjectMapper mapper,
      JsonNode schemas,
      String where,
      JsonNode schema,
      JavaType type,
      List<String> wrong) {
    JsonNode resolved = resolve(schemas, schema);
    String named =
        refName(schema)
            .map(ref -> ref.equals(where) ? ref : ref + " (at " + where + ")")
            .orElse(where);
    BeanDescription description = mapper.getSerializationConfig().introspect(type);
    Map<String, JavaType> properties = new LinkedHashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.couldSerialize()
          && !property
              .getAccessor()
              .hasAnnotation(com.fasterxml.jackson.annotation.JsonAnyGetter.class)) {
        properties.put(property.getName(), property.getPrimaryType());
      }
    }
    List<String> documented = new ArrayList<>();
    if (resolved.has("properties")) {
      resolved.get("properties").fieldNames().forEachRemaining(documented::add);
    }
    List<String> written = List.copyOf(properties.keySet());
    if (!documented.equals(written)) {
      List<String> missing = new ArrayList<>(written);
      missing.removeAll(documented);
      List<String> extra = new ArrayList<>(documented);
      extra.removeAll(written);
      wrong.add(
          "schema "
              + named
              + " ("
              + type.getRawClass().getName()
              + "): the record writes "
              + written
              + ", the schema has "
              + documented
              + (missing.isEmpty() ? "" : "; not in the schema: " + missing)
              + (extra.isEmpty() ? "" : "; not in the record: " + extra)
              + (missing.isEmpty() && extra.isEmpty() ? "; the order differs" : ""));
      return;
    }
    properties.forEach(
        (field, fieldType) -> {
          JsonNode fieldSchema = resolve(schemas, resolved.get("properties").get(field));
          JavaType inner = fieldType;
          String path = where + "." + field;
          if (inner.isCollectionLikeType() || inner.isArrayType()) {
            inner = inner.getContentType();
            fieldSchema = resolve(schemas, fieldSchema.path("items"));
            path += "[]";
          } else if (inner.isMapLikeType()) {
            inner = inner.getContentType();
            fieldSchema = resolve(schemas, fieldSchema.path("additionalProperties"));
            path += "{}";
          }
          if (inner.getRawClass().isRecord()) {
            check(mapper, schemas, path, fieldSchema, inner, wrong);
          }
        });
  }

  /**
   * The name of the schema a {@code $ref} (directly or as the one entry of {@code allOf}) points
   * to.
   */
  private static java.util.Optional<String> refName(JsonNode schema) {
    JsonNode target =
        schema.has("allOf") && schema.get("allOf").size() == 1
            ? schema.get("allOf").get(0)
            : schema;
    String ref = target.path("$ref").asText("");
    return ref.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** A schema with its {@code $ref} (directly or as the one entry of {@code allOf}) followed. */
  private static JsonNode resolve(JsonNode schemas, JsonNode schema) {
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      schema = schema.get("allOf").get(0);
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }
}
