package org.alliance.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web module's layout holds: features sit on the platform and never the reverse, no two
 * packages depend on each other, and SQL runs only in repositories.
 */
class ArchitectureTest {
  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.alliance.web");

  @Test
  void noPackageCycles() {
    slices().matching("org.alliance.web.(**)").should().beFreeOfCycles().check(WEB);
  }

  @Test
  void thePlatformKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.alliance.web.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.alliance.web.clients..",
            "org.alliance.web.administrations..",
            "org.alliance.web.alerts..",
            "org.alliance.web.links..",
            "org.alliance.web.kiosk..",
            "org.alliance.web.instruments..",
            "org.alliance.web.imports..",
            "org.alliance.web.team..",
            "org.alliance.web.accounts..",
            "org.alliance.web.audit..",
            "org.alliance.web.demo..")
        .check(WEB);
  }

  @Test
  void featuresDoNotReachIntoTheServerAssembly() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.alliance.web")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.alliance.web")
        .check(WEB);
  }
}
