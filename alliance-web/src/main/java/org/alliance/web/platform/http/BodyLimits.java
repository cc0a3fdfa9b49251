package org.alliance.web.platform.http;

import static com.google.common.base.Preconditions.checkArgument;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The largest request bodies the server takes, so that no single request can exhaust its memory: a
 * small limit for JSON and forms, a larger one for import files, which are read as a stream. A body
 * declared larger is refused with 413 before a byte of it is read; one that turns out larger
 * (chunked, with no declared length) is refused as soon as it passes the limit.
 *
 * @param bodyBytes the limit for JSON bodies and forms
 * @param importBytes the limit for an import file ({@code POST /api/import}, the import page)
 */
public record BodyLimits(long bodyBytes, long importBytes) {
  private static final long MB = 1024 * 1024;

  /** The most of a refused body read and dropped so that its 413 reaches the client. */
  static final long DRAIN_BYTES = 2 * MB;

  public static final BodyLimits DEFAULTS = new BodyLimits(MB, 50 * MB);

  public BodyLimits {
    checkArgument(bodyBytes >= 16 * 1024, "the body limit must be at least 16 KB: %s", bodyBytes);
    checkArgument(
        importBytes >= bodyBytes,
        "the import limit must be at least the body limit: %s < %s",
        importBytes,
        bodyBytes);
  }

  /** The limits in megabytes, as the command line takes them. */
  public static BodyLimits megabytes(double body, double imports) {
    return new BodyLimits(Math.round(body * MB), Math.round(imports * MB));
  }

  /** Whether a path takes an import file, with the larger limit. */
  public static boolean isImport(String path) {
    return path.equals("/api/import") || path.equals("/admin/import/preview");
  }

  /** The limit for a request to this path. */
  public long limitFor(String path) {
    return isImport(path) ? importBytes : bodyBytes;
  }

  /** A before-handler: refuses at once a body declared larger than the limit for its path. */
  public void check(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    long limit = limitFor(ctx.path());
    if (declared > limit) {
      throw tooLarge(ctx.path());
    }
  }

  /** The body of an import as a stream that refuses to go beyond the import limit. */
  public InputStream importBody(Context ctx) {
    try {
      return new Bounded(ctx.req().getInputStream(), importBytes, ctx.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and drops what is left of a refused body, up to {@link #DRAIN_BYTES}. A server that
   * closes a connection with unread bytes resets it, and the client can then lose the 413 it was
   * sent; a body much larger than that is not worth reading, and one whose sender waits for "100
   * Continue" was never sent.
   */
  static void drain(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    String expect = ctx.header("Expect");
    if (declared > DRAIN_BYTES || (expect != null && expect.equalsIgnoreCase("100-continue"))) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[8192];
      long left = DRAIN_BYTES;
      for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The connection is closed after the answer anyway; draining was only a courtesy.
    }
  }

  /** The 413 for a body too large for this path. */
  public WebException tooLarge(String path) {
    return tooLarge(limitFor(path), path);
  }

  private static WebException tooLarge(long limit, String path) {
    return new WebException(
        413,
        "the request body is larger than "
            + size(limit)
            + ", the most this server takes at "
            + path
            + (isImport(path)
                ? "; split the file, or ask the administrator to raise --max-import-mb"
                : "; ask the administrator to raise --max-body-mb if it must be larger"));
  }

  private static String size(long bytes) {
    return bytes % MB == 0 ? bytes / MB + " MB" : Math.round(bytes / 1024.0) + " KB";
  }

  /** A stream that ends the request with 413 once more than {@code limit} bytes came. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private final String path;
    private long read;

    Bounded(InputStream in, long limit, String path) {
      super(in);
      this.limit = limit;
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw tooLarge(limit, path);
      }
    }
  }
}
