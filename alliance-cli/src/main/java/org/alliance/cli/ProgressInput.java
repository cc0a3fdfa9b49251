package org.alliance.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * An input file that moves a progress bar on stderr as it is read, so every format's reader shows
 * progress the same way: by the share of the file's bytes consumed.
 */
final class ProgressInput extends FilterInputStream {
  private final ProgressBar bar;
  private long read;

  private ProgressInput(InputStream in, ProgressBar bar) {
    super(in);
    this.bar = bar;
  }

  /** The stream with a bar when {@code show}, else the stream itself. */
  static InputStream wrap(InputStream in, long size, String task, boolean show) {
    if (!show) {
      return in;
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(Math.max(size, 1))
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MB", 1 << 20)
            .setConsumer(
                new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                    new PrintStream(System.err, true)))
            .setUpdateIntervalMillis(250)
            .build();
    return new ProgressInput(in, bar);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    read += n;
    bar.stepTo(read);
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      bar.close();
    }
  }
}
