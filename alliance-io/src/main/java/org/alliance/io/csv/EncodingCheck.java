package org.alliance.io.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches the bytes of a file read as UTF-8 to tell, once a cell turns out not to be UTF-8, whether
 * the file reads as Windows-1252 instead: the usual case of a file saved by Excel on Windows, where
 * a clear hint ({@code --encoding windows-1252}) saves the user from guessing.
 */
final class EncodingCheck extends FilterInputStream {
  /** Bytes Windows-1252 leaves undefined: a file with one of them is not Windows-1252 text. */
  private static final boolean[] UNDEFINED_IN_1252 = new boolean[256];

  static {
    for (int b : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
      UNDEFINED_IN_1252[b] = true;
    }
  }

  private int continuationBytes;
  private boolean notUtf8;
  private boolean not1252;

  EncodingCheck(InputStream in) {
    super(in);
  }

  /** Whether the bytes read so far are not UTF-8 but are Windows-1252 text. */
  boolean looksLikeWindows1252() {
    return notUtf8 && !not1252;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      check((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (!not1252) {
      for (int i = offset; i < offset + n; i++) {
        byte b = buffer[i];
        // Plain ASCII outside a multi-byte character is the same in both encodings.
        if (b < 0 || continuationBytes > 0) {
          check(b);
        }
      }
    }
    return n;
  }

  private void check(byte value) {
    int b = value & 0xFF;
    if (UNDEFINED_IN_1252[b]) {
      not1252 = true;
    }
    if (notUtf8) {
      return;
    }
    boolean continuation = (b & 0xC0) == 0x80;
    if (continuationBytes > 0) {
      if (continuation) {
        continuationBytes--;
      } else {
        notUtf8 = true;
      }
    } else if (b < 0x80) {
      // ASCII
    } else if (b >= 0xC2 && b <= 0xDF) {
      continuationBytes = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      continuationBytes = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      continuationBytes = 3;
    } else {
      notUtf8 = true;
    }
  }
}
