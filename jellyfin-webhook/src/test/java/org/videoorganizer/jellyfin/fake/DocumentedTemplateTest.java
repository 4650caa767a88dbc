package org.videoorganizer.jellyfin.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template users paste (docs/jellyfin.md) is the one the fake plugin renders in tests. */
class DocumentedTemplateTest {

  @Test
  void theDocsShowExactlyTheTemplateTheTestsUse() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "jellyfin.md"));

    assertThat(docs).contains("```handlebars\n" + FakeWebhookPlugin.TEMPLATE + "```");
  }

  @Test
  void theDocsNameThePagesRequiredServerUrlAndABareContentType() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "jellyfin.md"));

    assertThat(docs).contains("**Server Url**", "Value exactly `application/json`", "**no `; charset=utf-8`**");
  }

  @Test
  void titlesWithQuotesBackslashesAndLineBreaksStillGiveValidJson() {
    String name = "He said \"Go\\Stop\"\nThen <left> & 'ran'";
    FakeItem item = new FakeItem("0f98eef9940902466c7a1834a9cf1f9e", name, "Movie", "/m.mkv", Map.of(), Instant.now(),
        "lib", 0);
    String escaped = name.replace("\"", "\\\"");
    Map<String, Object> data = Map.of("NotificationType", "ItemAdded", "ItemId", DotNetGuid.d(item.id()),
        "ItemType", "Movie", "Name", escaped);

    JsonObject parsed = new JsonObject(MiniHandlebars.render(FakeWebhookPlugin.TEMPLATE, data));

    assertThat(parsed.getString("Name")).isEqualTo(escaped);
    assertThat(parsed.getString("ItemId")).isEqualTo("0f98eef9-9409-0246-6c7a-1834a9cf1f9e");
    assertThat(parsed.getString("Year")).isEmpty();
  }
}
