package org.videoorganizer.daemon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.videoorganizer.core.naming.MediaIdentity;

/**
 * The identity a person's answer names, as stored in {@code corrections.identity} (JSON: a
 * correction is reused for other files and keeps the show's identity, not a video's). A video's
 * own identity is in the typed columns of {@code media_matches} ({@link MatchColumns}).
 *
 * <p>The JSON is {@link MediaIdentity}'s components by name, enums by name, the air date as
 * {@code yyyy-mm-dd}, absent values as null: the shape rows written before Jackson took over
 * already have (CorrectionIdentityTest reads one). Keys this version does not know are ignored.
 */
final class CorrectionIdentity {

  // LocalDate as ISO text without jackson-datatype-jsr310 (not in the build's Jackson version).
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .registerModule(new SimpleModule("correction-identity")
          .addSerializer(LocalDate.class, ToStringSerializer.instance)
          .addDeserializer(LocalDate.class, new FromStringDeserializer<>(LocalDate.class) {
            @Override
            protected LocalDate _deserialize(String value, DeserializationContext context) {
              return LocalDate.parse(value);
            }
          }));

  private CorrectionIdentity() {}

  static JsonObject write(MediaIdentity id) {
    try {
      return new JsonObject(JSON.writeValueAsString(id));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("identity " + id + " cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  static MediaIdentity read(JsonObject json) {
    try {
      return JSON.readValue(json.encode(), MediaIdentity.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrections.identity " + json.encode() + " is not an identity: " + e.getMessage(), e);
    }
  }
}
