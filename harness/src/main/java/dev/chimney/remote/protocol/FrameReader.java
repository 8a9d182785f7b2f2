package dev.chimney.remote.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts frames from a byte stream: a 4-byte big-endian payload length, then that many bytes of
 * UTF-8 JSON holding one object with a {@code "type"}. Used by one reading thread per connection.
 */
public final class FrameReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataInputStream in;
  private long frames;

  public FrameReader(InputStream in) {
    this.in = new DataInputStream(in);
  }

  /**
   * The next message, or null at a clean end of stream (between frames).
   *
   * @throws CorruptFrameException for a length out of bounds, a stream that ends inside a frame, or
   *     a payload that is not a JSON object with a string "type"
   * @throws IOException when the stream fails
   */
  public ObjectNode read() throws IOException, CorruptFrameException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    frames++;
    if (length <= 0 || length > ProtocolLimits.MAX_FRAME_BYTES) {
      throw new CorruptFrameException("frame " + frames + " claims " + Integer.toUnsignedString(length)
          + " bytes; a frame holds 1 to " + ProtocolLimits.MAX_FRAME_BYTES);
    }
    byte[] payload = new byte[length];
    try {
      in.readFully(payload);
    } catch (EOFException e) {
      throw new CorruptFrameException("the stream ended inside frame " + frames + " of " + length + " bytes");
    }
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new CorruptFrameException("frame " + frames + " is not JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode message) || !node.path("type").isTextual()) {
      throw new CorruptFrameException("frame " + frames + " is not a JSON object with a string \"type\"");
    }
    return message;
  }
}
