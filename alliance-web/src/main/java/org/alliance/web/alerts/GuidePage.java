package org.alliance.web.alerts;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * {@code GET /guides/{kind}}: the short guide an alert links to, and the order of the alerts with
 * the exact rule behind each, for any signed-in user.
 */
public final class GuidePage {
  /** One alert kind on the order page: its title, colour, and exact rule. */
  public record RuleLine(String title, String level, String rule) {}

  /** The alert kinds in their order, with the server's rules. */
  static List<RuleLine> order() {
    AlertOptions options = AlertOptions.defaults();
    return Arrays.stream(AlertRule.values())
        .map(rule -> new RuleLine(rule.title(), rule.level().word(), options.describe(rule)))
        .toList();
  }

  private final Platform platform;

  public GuidePage(Platform platform) {
    this.platform = platform;
  }

  public void show(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    AlertGuide guide =
        AlertGuide.byId(ctx.pathParam("kind"))
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "there is no such guide; the guides are on the relationship, progress,"
                            + " risk, and the order of the alerts"));
    Pages.render(
        ctx,
        "alerts/guide.jte",
        "viewer",
        Viewer.of(signedIn.get()),
        "guide",
        guide,
        "order",
        order());
  }
}
