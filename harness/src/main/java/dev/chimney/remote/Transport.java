package dev.chimney.remote;

import java.io.InputStream;
import java.io.OutputStream;

/** The byte streams to one remote target, and how to end them: a child process or a socket. */
interface Transport {
  /** What the target writes. */
  InputStream in();

  /** Where the harness writes. */
  OutputStream out();

  /**
   * Why the stream from the target ended, as a phrase: "the target process exited with code 3 (its
   * last standard error: ...)". Called once the input has ended; may wait briefly for the exit.
   */
  String describeEnd();

  /** Ends the connection at once (kills a child process); harmless when already ended. */
  void destroy();

  /** Ends the connection politely: closes the harness's stream, then destroys after a grace period. */
  void close();
}
