package dev.chimney.remote.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes messages as frames (see {@link FrameReader}). Any thread: frames are written whole, one
 * at a time, and flushed.
 */
public final class FrameWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataOutputStream out;

  public FrameWriter(OutputStream out) {
    this.out = new DataOutputStream(out);
  }

  /**
   * Writes {@code message} as one frame.
   *
   * @throws IOException when the stream fails
   * @throws IllegalArgumentException when the message is longer than {@link
   *     ProtocolLimits#MAX_FRAME_BYTES}: the other side would refuse it
   */
  public synchronized void write(ObjectNode message) throws IOException {
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (payload.length > ProtocolLimits.MAX_FRAME_BYTES) {
      throw new IllegalArgumentException("a " + message.path("op").asText(message.path("type").asText())
          + " message of " + payload.length + " bytes exceeds the frame limit of " + ProtocolLimits.MAX_FRAME_BYTES);
    }
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  /** A new empty message of {@code type}. */
  public static ObjectNode message(String type) {
    return JSON.createObjectNode().put("type", type);
  }
}
