package org.alliance.io.corruption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded random corruption of CSV and JSON inputs. The same seed always gives the same mutated
 * input, so a failure reported with its seed can be replayed with {@code new Mutator(seed)}.
 */
final class Mutator {
  /** Cell values that importers must reject or accept with a located problem, never crash on. */
  static final List<String> NASTY_CELLS =
      List.of(
          "",
          " ",
          "text",
          "1e308",
          "-1e308",
          "-0",
          "NaN",
          "-NaN",
          "Infinity",
          "-Infinity",
          "1e999",
          "99999999999999999999",
          "-99999999999999999999",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "0x1p3",
          "3d",
          "1,5",
          "1.",
          ".5",
          "--1",
          "+1",
          "NA",
          "na",
          "skipped",
          "declined",
          "\"",
          "\"\"",
          "\"a,b\"",
          "a\"b",
          ",",
          ";",
          "\t",
          "\"x\ny\"",
          "\u0000",
          "\uFFFD",
          "\uFEFF",
          "2026-02-30",
          "0000-00-00",
          "+999999999-12-31",
          "9999-99-99",
          "2026-1-1",
          "-1",
          "-5",
          "0",
          "1000000",
          "4.0000000000000000000001",
          "unknown-instrument",
          "phq-9",
          "PHQ-9",
          "srs",
          "ors",
          "wai-sr",
          "core-10",
          "q0",
          "q999",
          "q-1",
          "phq9_99",
          "item",
          "value",
          "\u202Eevil",
          "\uD800",
          "é",
          "😀");

  private static final String[] UNKNOWN_IDS = {
    "nonexistent", "phq-99", "q0", "q10000", "zzz", "srs-x", "Q1 "
  };
  private static final byte[][] BAD_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0xC3},
    {(byte) 0xC3, (byte) 0x28},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xF0, (byte) 0x9F},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0x80},
    {0}
  };
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final JsonMapper JSON = new JsonMapper();

  final long seed;
  final Random random;

  /** What was done, for the failure report. */
  final List<String> log = new ArrayList<>();

  Mutator(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  String nastyCell() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return "x".repeat(1 + random.nextInt(5000));
    }
    if (kind == 1) {
      return UNKNOWN_IDS[random.nextInt(UNKNOWN_IDS.length)];
    }
    if (kind == 2) {
      return "9".repeat(1 + random.nextInt(400))
          + (random.nextBoolean() ? "" : "." + "9".repeat(random.nextInt(30)));
    }
    return pick(NASTY_CELLS);
  }

  // ---------------------------------------------------------------- CSV

  /** One to three random corruptions of a CSV file. */
  byte[] csv(byte[] original) {
    byte[] data = original;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      data = csvOnce(data);
    }
    return data;
  }

  private byte[] csvOnce(byte[] data) {
    int op = random.nextInt(16);
    switch (op) {
      case 0:
        {
          int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
          log.add("truncate at byte " + at);
          return Arrays.copyOf(data, at);
        }
      case 1:
      case 2:
      case 3:
        return lineOp(data);
      case 4:
      case 5:
      case 6:
      case 7:
        return replaceCell(data, false);
      case 8:
        return removeColumn(data);
      case 9:
        {
          byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
          int at = random.nextInt(data.length + 1);
          log.add("insert bad UTF-8 " + Arrays.toString(bad) + " at byte " + at);
          return insert(data, at, bad);
        }
      case 10:
        {
          int at = random.nextInt(data.length + 1);
          log.add("insert BOM at byte " + at);
          return insert(data, at, BOM);
        }
      case 11:
        {
          log.add("CR-only line ends");
          return new String(data, StandardCharsets.ISO_8859_1)
              .replace("\r\n", "\n")
              .replace('\n', '\r')
              .getBytes(StandardCharsets.ISO_8859_1);
        }
      case 12:
        {
          if (data.length == 0) {
            return data;
          }
          byte[] copy = data.clone();
          int flips = 1 + random.nextInt(4);
          for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = (byte) random.nextInt(256);
            log.add("byte " + at + " := " + (copy[at] & 0xFF));
          }
          return copy;
        }
      case 13:
        {
          String insert =
              pick(
                  List.of(
                      "\"",
                      "\"\"",
                      ",",
                      ";",
                      "\t",
                      "\r",
                      "\n",
                      "\r\n",
                      "\n\n\n",
                      "\"\n",
                      ",,,,,,,,,,"));
          int at = random.nextInt(data.length + 1);
          log.add("insert " + escape(insert) + " at byte " + at);
          return insert(data, at, insert.getBytes(StandardCharsets.UTF_8));
        }
      case 14:
        return replaceCell(data, true);
      default:
        {
          int kind = random.nextInt(4);
          log.add("whole file variant " + kind);
          String text = new String(data, StandardCharsets.UTF_8);
          List<String> lines = lines(text);
          return switch (kind) {
            case 0 -> new byte[0];
            case 1 -> (lines.isEmpty() ? "" : lines.get(0)).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("\n\n" + text).getBytes(StandardCharsets.UTF_8);
            default -> (text + text).getBytes(StandardCharsets.UTF_8);
          };
        }
    }
  }

  private byte[] lineOp(byte[] data) {
    List<String> lines = lines(new String(data, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      return data;
    }
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0 -> {
        log.add("delete line " + (a + 1));
        lines.remove(a);
      }
      case 1 -> {
        int copies = random.nextInt(4) == 0 ? 1 + random.nextInt(50) : 1;
        log.add("duplicate line " + (a + 1) + " x" + copies + " at " + (b + 1));
        for (int i = 0; i < copies; i++) {
          lines.add(b, lines.get(a));
        }
      }
      default -> {
        log.add("swap lines " + (a + 1) + " and " + (b + 1));
        String tmp = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, tmp);
      }
    }
    return join(lines);
  }

  private byte[] replaceCell(byte[] data, boolean headerOnly) {
    List<String> lines = lines(new String(data, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      return data;
    }
    char delimiter = delimiter(lines.get(0));
    int row = headerOnly ? 0 : (lines.size() == 1 ? 0 : 1 + random.nextInt(lines.size() - 1));
    List<String> cells = split(lines.get(row), delimiter);
    int column = random.nextInt(cells.size());
    String value =
        headerOnly
            ? pick(
                List.of(
                    "",
                    "q1",
                    "client",
                    "CLIENT",
                    "session",
                    "item",
                    "value",
                    "instrument",
                    "date",
                    "clinician",
                    "\uFFFD",
                    "\"q1",
                    "zzz"))
            : nastyCell();
    log.add(
        "line "
            + (row + 1)
            + " cell "
            + (column + 1)
            + " := "
            + escape(value.length() > 40 ? value.substring(0, 40) + "..." : value));
    cells.set(column, value);
    lines.set(row, String.join(String.valueOf(delimiter), cells));
    return join(lines);
  }

  private byte[] removeColumn(byte[] data) {
    List<String> lines = lines(new String(data, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      return data;
    }
    char delimiter = delimiter(lines.get(0));
    int column = random.nextInt(split(lines.get(0), delimiter).size());
    boolean everywhere = random.nextBoolean();
    log.add(
        "remove column " + (column + 1) + (everywhere ? " from every line" : " from the header"));
    for (int i = 0; i < (everywhere ? lines.size() : 1); i++) {
      List<String> cells = split(lines.get(i), delimiter);
      if (column < cells.size()) {
        cells.remove(column);
      }
      lines.set(i, String.join(String.valueOf(delimiter), cells));
    }
    return join(lines);
  }

  private static char delimiter(String header) {
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  private static List<String> split(String line, char delimiter) {
    return new ArrayList<>(
        Arrays.asList(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)));
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static byte[] join(List<String> lines) {
    return (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insert(byte[] data, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + what.length);
    out.write(data, 0, at);
    out.write(what, 0, what.length);
    out.write(data, at, data.length - at);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- JSON

  /**
   * One to three random corruptions of a JSON text, structural (on the tree) or textual (on the
   * bytes).
   */
  String json(String original) {
    String text = original;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      text = random.nextInt(3) == 0 ? jsonText(text) : jsonTree(text);
    }
    return text;
  }

  private String jsonText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(6)) {
      case 0:
        {
          int at = random.nextInt(bytes.length + 1);
          log.add("truncate at byte " + at);
          return new String(bytes, 0, at, StandardCharsets.UTF_8);
        }
      case 1:
        {
          if (bytes.length == 0) {
            return text;
          }
          int flips = 1 + random.nextInt(4);
          for (int i = 0; i < flips; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) random.nextInt(256);
            log.add("byte " + at + " := " + (bytes[at] & 0xFF));
          }
          return new String(bytes, StandardCharsets.UTF_8);
        }
      case 2:
        {
          int depth = 1 + random.nextInt(random.nextBoolean() ? 100 : 5000);
          String open = random.nextBoolean() ? "[" : "{\"a\":";
          String close = open.equals("[") ? "]" : "}";
          log.add("deep nesting " + depth + " " + open);
          String nested =
              open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
          return random.nextBoolean()
              ? nested
              : text.replaceFirst(
                  "\\{", java.util.regex.Matcher.quoteReplacement("{\"deep\":" + nested + ","));
        }
      case 3:
        {
          String insert =
              pick(
                  List.of(
                      "\uFEFF", "\u0000", "\"", ",", "}", "]", "{", "[", "//x\n", "/*", "NaN",
                      "1e999", "\\u", "\uFFFD"));
          int at = random.nextInt(text.length() + 1);
          log.add("insert " + escape(insert) + " at char " + at);
          return text.substring(0, at) + insert + text.substring(at);
        }
      case 4:
        log.add("append trailing content");
        return text + pick(List.of("{}", "x", "]", "\n\n", "null", "  {\"id\":1}"));
      default:
        {
          String whole =
              pick(
                  List.of(
                      "",
                      " ",
                      "null",
                      "[]",
                      "{}",
                      "1",
                      "\"x\"",
                      "true",
                      "[{}]",
                      "{\"id\":null}",
                      "\uFEFF{}"));
          log.add("whole text " + escape(whole));
          return whole;
        }
    }
  }

  private String jsonTree(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      return jsonText(text);
    }
    if (root == null || !root.isContainerNode()) {
      return jsonText(text);
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode parent = pick(containers);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (parent instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(4);
      if (names.isEmpty() || op == 0) {
        String name =
            pick(
                List.of(
                    "id",
                    "items",
                    "scale",
                    "min",
                    "max",
                    "number",
                    "subscales",
                    "bands",
                    "x",
                    "",
                    "$schema",
                    "scoring",
                    "anchors",
                    "cutoffs",
                    "reverse"));
        log.add("add field '" + name + "'");
        object.set(name, randomValue());
      } else if (op == 1) {
        String name = pick(names);
        log.add("remove field '" + name + "'");
        object.remove(name);
      } else {
        String name = pick(names);
        JsonNode value = randomValue();
        log.add("field '" + name + "' := " + abbreviate(value.toString()));
        object.set(name, value);
      }
    } else {
      ArrayNode array = (ArrayNode) parent;
      int op = random.nextInt(5);
      if (array.isEmpty() || op == 0) {
        log.add("array add element");
        array.add(randomValue());
      } else if (op == 1) {
        int at = random.nextInt(array.size());
        log.add("array remove element " + at);
        array.remove(at);
      } else if (op == 2) {
        int at = random.nextInt(array.size());
        int copies = random.nextInt(3) == 0 ? 1 + random.nextInt(3000) : 1;
        log.add("array duplicate element " + at + " x" + copies);
        JsonNode element = array.get(at);
        for (int i = 0; i < copies; i++) {
          array.add(element.deepCopy());
        }
      } else {
        int at = random.nextInt(array.size());
        JsonNode value = randomValue();
        log.add("array element " + at + " := " + abbreviate(value.toString()));
        array.set(at, value);
      }
    }
    String written = root.toString();
    // Numbers that Jackson cannot hold in a tree, spliced in as text.
    if (random.nextInt(8) == 0) {
      String number =
          pick(
              List.of(
                  "1e999",
                  "-1e999",
                  "99999999999999999999999999999",
                  "-0",
                  "NaN",
                  "0.0000000000000000000000001",
                  "1E+2147483648"));
      log.add("numbers -> " + number);
      written =
          written.replaceFirst(
              ":(-?\\d+)([,}])", java.util.regex.Matcher.quoteReplacement(":" + number) + "$2");
    }
    return written;
  }

  private JsonNode randomValue() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(16)) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(random.nextBoolean());
      case 2 ->
          f.numberNode(pick(List.of(0, -1, 1, 2, 4, 10, Integer.MAX_VALUE, Integer.MIN_VALUE)));
      case 3 ->
          f.numberNode(pick(List.of(-0.0, 1e308, -1e308, 0.5, 3.7, Double.MIN_VALUE, 1e-300)));
      case 4 -> f.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
      case 5 -> f.numberNode(Long.MAX_VALUE);
      case 6 ->
          f.textNode(
              pick(
                  List.of(
                      "",
                      "x",
                      "likert",
                      "visual-analogue",
                      "sum",
                      "mean",
                      "client",
                      "clinician",
                      "outcome",
                      "alliance",
                      "higher-is-worse",
                      "higher-is-better",
                      "phq-9",
                      "q1",
                      "1",
                      "NaN",
                      "\uFFFD",
                      "\u0000")));
      case 7 -> f.textNode("y".repeat(1 + random.nextInt(20000)));
      case 8 -> f.objectNode();
      case 9 -> f.arrayNode();
      case 10 -> {
        ArrayNode huge = f.arrayNode();
        int n = 1 + random.nextInt(3000);
        for (int i = 0; i < n; i++) {
          huge.add(random.nextBoolean() ? f.numberNode(i) : f.textNode("a" + i));
        }
        yield huge;
      }
      case 11 -> {
        ObjectNode scale = f.objectNode();
        scale.put("type", pick(List.of("likert", "visual-analogue", "x")));
        scale.put("min", pick(List.of(0, 10, -5, Integer.MAX_VALUE)));
        scale.put("max", pick(List.of(0, 4, -10, Integer.MIN_VALUE)));
        yield scale;
      }
      case 12 -> {
        ObjectNode item = f.objectNode();
        item.put("number", random.nextInt(20) - 5);
        item.put("id", pick(List.of("stress_1", "q1", "", "new")));
        item.put("label", "L");
        item.put("text", "T");
        yield item;
      }
      case 13 -> {
        JsonNode nested = f.numberNode(1);
        int depth = 1 + random.nextInt(300);
        for (int i = 0; i < depth; i++) {
          nested =
              random.nextBoolean() ? f.arrayNode().add(nested) : f.objectNode().set("n", nested);
        }
        yield nested;
      }
      case 14 -> f.numberNode(random.nextInt(2000) - 1000);
      default -> f.textNode(nastyCell());
    };
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  // ---------------------------------------------------------------- reports

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** The first 300 characters with control characters made visible. */
  static String preview(String text) {
    return escape(text.length() > 300 ? text.substring(0, 300) : text);
  }

  static String preview(byte[] data) {
    return preview(new String(data, 0, Math.min(data.length, 1200), StandardCharsets.UTF_8));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0xFFFD || c == 0xFEFF || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- harness

  /** One mutated input fed through an importer; sets {@link #input} before the importer runs. */
  interface Case {
    void run(Mutator mutator) throws Exception;
  }

  /** The mutated input as a preview, set by each case for the report. */
  String input = "";

  void input(byte[] data) {
    input = preview(data);
  }

  void input(String text) {
    input = preview(text);
  }

  /** Fails unless the location names the file and a line from 1. */
  /**
   * Scores a row read from a corrupted file, checking that the row and every problem found in it,
   * by the reader or the scorer, has its place in the file.
   */
  static org.alliance.io.score.ScoredRow checkRow(
      org.alliance.io.input.AdministrationRow row,
      org.alliance.core.scoring.Scorer scorer,
      String file) {
    checkLocation(row.location(), file, "the row");
    for (org.alliance.io.input.InputProblem problem : row.problems()) {
      checkLocation(problem.where(), file, problem);
    }
    org.alliance.io.score.ScoredRow scored = org.alliance.io.score.ScoredRow.score(row, scorer);
    for (org.alliance.io.input.InputProblem problem : scored.locatedProblems()) {
      checkLocation(problem.where(), file, problem);
    }
    scored.problemMessages();
    return scored;
  }

  static void checkLocation(org.alliance.io.input.SourceLocation where, String file, Object what) {
    if (where == null
        || where.file() == null
        || where.file().isEmpty()
        || !where.file().equals(file)
        || where.line() < 1
        || where.column() < 0) {
      throw new UnlocatedProblem("without a file and line: " + where + " for " + what);
    }
  }

  /** A problem reported without its place: a failure of the importer, not of the harness. */
  static final class UnlocatedProblem extends RuntimeException {
    UnlocatedProblem(String message) {
      super(message);
    }
  }

  /**
   * Runs {@code count} mutated inputs from seeds {@code base}, {@code base + 1}, ... in batches,
   * each batch under a preemptive time limit, and fails with the seed, mutations and input of every
   * kind of failure. A {@link org.alliance.io.input.InputFormatException} with a line from 1 is a
   * clear error and allowed.
   */
  static int run(String importer, long base, int count, Case c) {
    int batch = 1000;
    java.util.Map<String, List<String>> failures = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> failureCounts = new java.util.LinkedHashMap<>();
    int[] clearErrors = {0};
    for (int start = 0; start < count; start += batch) {
      int from = start;
      int to = Math.min(count, start + batch);
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(30),
          () -> {
            for (int i = from; i < to; i++) {
              long seed = base + i;
              Mutator m = new Mutator(seed);
              String signature = null;
              Throwable thrown = null;
              try {
                c.run(m);
              } catch (org.alliance.io.input.InputFormatException e) {
                var where = e.where();
                if (where == null
                    || where.file() == null
                    || where.file().isEmpty()
                    || where.line() < 1) {
                  signature = "InputFormatException without a line: " + e.getMessage();
                  thrown = e;
                } else {
                  clearErrors[0]++;
                }
              } catch (UnlocatedProblem e) {
                signature = "problem without location: " + abbreviate(e.getMessage());
                thrown = e;
              } catch (Throwable e) {
                StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
                signature = e.getClass().getName() + " at " + top;
                thrown = e;
              }
              if (signature != null) {
                failureCounts.merge(signature, 1, Integer::sum);
                List<String> examples = failures.computeIfAbsent(signature, k -> new ArrayList<>());
                if (examples.size() < 2) {
                  StringBuilder stack = new StringBuilder();
                  StackTraceElement[] frames = thrown.getStackTrace();
                  for (int k = 0; k < Math.min(6, frames.length); k++) {
                    stack.append("\n        at ").append(frames[k]);
                  }
                  examples.add(
                      "seed "
                          + seed
                          + " (new Mutator("
                          + seed
                          + "L)), mutations "
                          + m.log
                          + "\n      exception: "
                          + thrown
                          + stack
                          + "\n      input (first 300 chars): "
                          + m.input);
                }
              }
            }
          },
          () ->
              importer
                  + ": a batch of seeds "
                  + (base + from)
                  + ".."
                  + (base + to - 1)
                  + " did not finish in time (hang?)");
    }
    if (!failures.isEmpty()) {
      StringBuilder report =
          new StringBuilder(
              importer
                  + ": "
                  + failureCounts.values().stream().mapToInt(Integer::intValue).sum()
                  + " of "
                  + count
                  + " corrupted inputs ended badly:");
      failures.forEach(
          (signature, examples) -> {
            report
                .append("\n  [")
                .append(failureCounts.get(signature))
                .append("x] ")
                .append(signature);
            examples.forEach(example -> report.append("\n    ").append(example));
          });
      throw new AssertionError(report.toString());
    }
    System.out.println(
        importer
            + ": "
            + count
            + " corrupted inputs, "
            + clearErrors[0]
            + " ended in a clear InputFormatException, "
            + (count - clearErrors[0])
            + " were read to the end");
    return clearErrors[0];
  }
}
