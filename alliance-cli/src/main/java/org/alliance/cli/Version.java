package org.alliance.cli;

import picocli.CommandLine;

/** The toolkit version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"alliance " + (version == null ? "(development build)" : version)};
  }
}
