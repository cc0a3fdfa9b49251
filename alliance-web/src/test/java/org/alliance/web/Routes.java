package org.alliance.web;

import io.javalin.router.ParsedEndpoint;
import java.util.Set;
import java.util.TreeSet;

/** The routes a running server has, as "METHOD /path/{param}", collected from Javalin itself. */
final class Routes {
  private Routes() {}

  static Set<String> of(ClinicServer server) {
    Set<String> routes = new TreeSet<>();
    for (ParsedEndpoint parsed : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
      if (parsed.endpoint.method.isHttpMethod()) {
        routes.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
      }
    }
    return routes;
  }
}
