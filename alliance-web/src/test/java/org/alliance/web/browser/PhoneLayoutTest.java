package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.io.chart.Figure;
import org.alliance.web.ClinicServer;
import org.alliance.web.ServerSettings;
import org.alliance.web.demo.DemoClinic;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every clinician page on a phone, in a real headless Chromium emulating a 390 x 844 phone (a
 * mobile viewport, so a page without its viewport tag would be laid out 980 px wide): with the demo
 * clinic's data, no page scrolls sideways (a wide table may, inside its own box), no text is
 * smaller than 12 px, the main actions are at least 44 px tall to tap, and no chart is shown
 * smaller than it is drawn, so its legend and axis type stay at least 11 px. Screenshots of the
 * caseload and a client's page go to {@code target/screenshots}, or to the folder named by {@code
 * -Dalliance.screenshots} (the documentation's are made with {@code
 * -Dalliance.screenshots=../docs/screenshots}).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneLayoutTest {
  private static final int WIDTH = 390;
  private static final int HEIGHT = 844;

  /** Smaller text is hard to read on a phone; the pages' smallest is a 0.8 rem badge. */
  private static final double SMALLEST_TEXT = 12;

  /** The smallest type a chart may show: its drawn legend and tick labels, never scaled down. */
  private static final double SMALLEST_CHART_TEXT = 11;

  /** Apple's and Google's smallest comfortable tap target, in CSS pixels. */
  private static final double TAP = 44;

  /** The elements a clinician taps to act or to move on. */
  private static final String TAP_TARGETS =
      "main button, main .button, main select, main textarea, main input[type=range],"
          + " main input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=range]),"
          + " main label:has(> input[type=radio]), header.top nav a, header.top nav button,"
          + " table.caseload a, .back a";

  ClinicServer server;
  BrowserSession session;
  ChromeDriver browser;
  final List<String> clients = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    // The demo clinic: forty clients with every kind of alert, long courses and full legends.
    server =
        ClinicServer.start(
            ServerSettings.embedded(dataDir).withDemo(true),
            Clock.systemUTC(),
            LoginThrottle.defaults());

    ChromeOptions options = Chromium.options(profile);
    // A phone, not a narrow desk window: the viewport tag decides the layout width.
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of(
            "deviceMetrics",
            Map.of(
                "width",
                WIDTH,
                "height",
                HEIGHT,
                "pixelRatio",
                1.0,
                "mobile",
                true,
                "touch",
                true)));
    session = BrowserSession.start(server.port(), options, Duration.ofSeconds(30));
    browser = session.driver();
  }

  @AfterAll
  void stop() {
    if (session != null) {
      session.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void theSignInPageFits() {
    session.go("/login");
    fitsAPhone("the sign-in page");
    session.signIn("admin", DemoClinic.PASSWORD);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Caseload");
  }

  @Test
  @Order(2)
  void theCaseloadFits() {
    session.go("/");
    for (WebElement link : browser.findElements(By.cssSelector("table.caseload th a"))) {
      clients.add(link.getDomProperty("pathname"));
    }
    assertThat(clients).hasSizeGreaterThan(30);
    screenshot("caseload-phone.png", null);
    fitsAPhone("the caseload");
  }

  @Test
  @Order(3)
  void everyClientPageFitsWithReadableCharts() {
    // The client at the top has the most urgent alerts: the screenshots show them.
    session.go(clients.get(0));
    screenshot("client-page-phone.png", null);
    screenshot("client-chart-phone.png", "figure.chart");
    for (String client : clients) {
      session.go(client);
      fitsAPhone("the page of " + client);
      chartsReadable("the page of " + client);
    }
  }

  @Test
  @Order(4)
  void theReportFits() {
    for (String client : clients.subList(0, 3)) {
      session.go(client + "/report");
      fitsAPhone("the report of " + client);
      // The report is one file with its charts inline: each is drawn at its size for a phone.
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> charts =
          (List<Map<String, Object>>)
              browser.executeScript(
                  """
                  return [...document.querySelectorAll('figure.chart svg')]
                    .filter(svg => svg.getBoundingClientRect().width > 0)
                    .map(svg => ({drawn: svg.viewBox.baseVal.width,
                                  shown: svg.getBoundingClientRect().width}));
                  """);
      assertThat(charts).as("charts shown in the report of %s", client).isNotEmpty();
      for (Map<String, Object> chart : charts) {
        assertReadable(
            "a chart in the report of " + client,
            number(chart.get("drawn")),
            number(chart.get("shown")));
      }
    }
  }

  @Test
  @Order(5)
  void theEntryFormsFit() {
    for (String instrument : new String[] {"ors", "srs", "phq-9"}) {
      session.go(clients.get(0) + "/entry?instrument=" + instrument);
      fitsAPhone("the " + instrument + " entry form");
    }
  }

  @Test
  @Order(6)
  void theLinkPageFits() {
    session.go(clients.get(0));
    session.follow(browser.findElement(By.cssSelector("form.send-link button[type=submit]")));
    assertThat(browser.findElement(By.id("client-link")).isDisplayed()).isTrue();
    fitsAPhone("the page of a new client link");
  }

  @Test
  @Order(7)
  void theTeamPageFitsWithAReadableChart() {
    session.go("/team");
    fitsAPhone("the team page");
    chartsReadable("the team page");
  }

  @Test
  @Order(8)
  void theAdminPagesFit() {
    for (String page : new String[] {"/admin/users", "/admin/audit", "/admin/instruments"}) {
      session.go(page);
      fitsAPhone(page);
    }
    session.go("/admin/import");
    fitsAPhone("/admin/import");
    browser.findElement(By.id("file")).sendKeys(example("examples/mixed-wide.csv"));
    session.follow(
        browser.findElement(By.cssSelector("form[action='/admin/import/preview'] button")));
    assertThat(browser.getPageSource()).contains("Nothing has been written yet");
    fitsAPhone("the import preview");

    session.go("/admin/instruments");
    browser
        .findElement(By.id("definition"))
        .sendKeys(example("examples/instruments/clinic-stress-4.json"));
    session.follow(
        browser.findElement(
            By.cssSelector("form[action='/admin/instruments/preview'] button[type=submit]")));
    assertThat(browser.getPageSource()).contains("Clinic weekly stress check");
    fitsAPhone("the instrument preview");
  }

  private static String example(String path) {
    return Path.of("..").resolve(path).toAbsolutePath().normalize().toString();
  }

  /** The viewport as the phone shows it, scrolled to the first {@code selector} if one is given. */
  private void screenshot(String name, String selector) {
    browser.executeScript(
        "document.activeElement.blur();"
            + (selector == null
                ? "window.scrollTo(0, 0);"
                : "document.querySelector(arguments[0]).scrollIntoView();"),
        selector);
    waitForImages();
    session.screenshot(name);
  }

  private void waitForImages() {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            driver ->
                (Boolean)
                    browser.executeScript(
                        "return [...document.images].every(image => image.complete);"));
  }

  /** No sideways scroll, no small text, no small tap target on the page shown. */
  private void fitsAPhone(String page) {
    // A phone widens its layout to take in what overflows, or to 980 px without a viewport tag.
    Object width =
        browser.executeScript(
            "return Math.max(window.innerWidth, document.documentElement.scrollWidth);");
    assertThat(number(width))
        .as(
            "the page width of %s; too wide: %s",
            page,
            browser.executeScript(
                """
                // The outermost elements that reach past the phone's right edge, outside any
                // box that scrolls on its own.
                const wide = [];
                for (const element of document.body.querySelectorAll('*')) {
                  const box = element.getBoundingClientRect();
                  if (box.right <= arguments[0] + 0.5) continue;
                  let inside = element.parentElement;
                  let reported = false;
                  while (inside && !reported) {
                    reported = wide.includes(inside) || getComputedStyle(inside).overflowX !== 'visible';
                    inside = inside.parentElement;
                  }
                  if (!reported) wide.push(element);
                }
                return wide.map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                  + ' right=' + Math.round(e.getBoundingClientRect().right)
                  + ' "' + e.textContent.trim().slice(0, 40) + '"');
                """,
                WIDTH))
        .isLessThanOrEqualTo(WIDTH);

    @SuppressWarnings("unchecked")
    List<String> small =
        (List<String>)
            browser.executeScript(
                """
                const small = [];
                for (const element of document.body.querySelectorAll('*')) {
                  const text = [...element.childNodes].some(
                    node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
                  if (!text || element.closest('.sr, svg, option')) continue;
                  const box = element.getBoundingClientRect();
                  if (box.width === 0 || box.height === 0) continue;
                  const size = parseFloat(getComputedStyle(element).fontSize);
                  if (size < arguments[0]) {
                    small.push(element.tagName.toLowerCase() + ' ' + size + 'px "'
                      + element.textContent.trim().slice(0, 40) + '"');
                  }
                }
                return small;
                """,
                SMALLEST_TEXT);
    assertThat(small).as("text smaller than %s px on %s", SMALLEST_TEXT, page).isEmpty();

    @SuppressWarnings("unchecked")
    List<String> tiny =
        (List<String>)
            browser.executeScript(
                """
                return [...document.querySelectorAll(arguments[0])]
                  .filter(element => {
                    const box = element.getBoundingClientRect();
                    return box.width > 0 && box.height > 0 && box.height < arguments[1] - 0.5;
                  })
                  .map(element => element.tagName.toLowerCase()
                    + (element.className ? '.' + element.className : '')
                    + ' ' + element.getBoundingClientRect().height.toFixed(1) + 'px "'
                    + (element.textContent || element.value || element.name || '').trim().slice(0, 30) + '"');
                """,
                TAP_TARGETS,
                TAP);
    assertThat(tiny).as("tap targets lower than %s px on %s", TAP, page).isEmpty();
  }

  /**
   * Each chart image on the page was chosen for a phone and is shown at least as large as it was
   * drawn. The charts are SVG images whose type is drawn as outlines at fixed sizes (the legend and
   * tick labels at {@link Figure#SMALLEST_TEXT} px or more), and the browser scales an image's
   * outlines with it: the rendered type is that size times the image's shown width over its drawn
   * (natural) width.
   */
  private void chartsReadable(String page) {
    waitForImages();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>)
            browser.executeScript(
                """
                return [...document.querySelectorAll('figure.chart img')].map(image => ({
                  src: image.currentSrc, drawn: image.naturalWidth,
                  shown: image.getBoundingClientRect().width}));
                """);
    assertThat(charts).as("charts on %s", page).isNotEmpty();
    for (Map<String, Object> chart : charts) {
      assertThat(number(chart.get("drawn"))).as("the chart %s drew", chart.get("src")).isPositive();
      assertThat((String) chart.get("src")).as("the chart chosen on %s", page).contains("width=");
      assertReadable(
          "the chart " + chart.get("src"), number(chart.get("drawn")), number(chart.get("shown")));
    }
  }

  private static void assertReadable(String chart, double drawn, double shown) {
    double rendered = Figure.SMALLEST_TEXT * shown / drawn;
    assertThat(rendered)
        .as("the smallest type of %s, drawn %s px wide and shown %s px wide", chart, drawn, shown)
        .isGreaterThanOrEqualTo(SMALLEST_CHART_TEXT);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
