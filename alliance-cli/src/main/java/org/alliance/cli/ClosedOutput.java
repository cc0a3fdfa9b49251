package org.alliance.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Raised when standard output has gone away, such as {@code alliance convert big.csv | head}: the
 * reader has what it wants, so the command stops at once and quietly, as Unix tools do. A
 * PrintWriter swallows the IOException of a closed pipe and would let the command run to the end
 * writing into nothing; this unchecked exception passes through it.
 */
final class ClosedOutput extends RuntimeException {
  ClosedOutput(IOException cause) {
    super("standard output was closed", cause);
  }

  /** A writer on {@code out} whose failure to write raises {@link ClosedOutput}. */
  static PrintWriter writer(OutputStream out, Charset encoding) {
    return new PrintWriter(new OutputStreamWriter(new Watched(out), encoding), true);
  }

  private static final class Watched extends FilterOutputStream {
    Watched(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new ClosedOutput(e);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new ClosedOutput(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new ClosedOutput(e);
      }
    }
  }
}
