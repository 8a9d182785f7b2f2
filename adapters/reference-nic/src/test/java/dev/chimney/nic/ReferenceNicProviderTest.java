package dev.chimney.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.Map;
import java.util.ServiceLoader;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ReferenceNicProviderTest {

  @Test
  void isFoundByTheServiceLoaderWithEveryCapability() {
    assertThat(ServiceLoader.load(OffloadTargetProvider.class))
        .as("META-INF/services names the provider")
        .filteredOn(p -> p.name().equals("reference-nic"))
        .singleElement()
        .satisfies(p -> assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.values()));
  }

  @Test
  void aConnectionLimitThatIsNotANumberIsRejectedWithTheSettingsName() {
    NicFixture fx = new NicFixture();
    TargetContext context = new TargetContext(fx.host, fx.wire, fx.clock, NicFixture.TARGET,
        Map.of(TargetContext.MAX_OFFLOADED_CONNECTIONS, "many"));

    Assertions.assertThatThrownBy(() -> new ReferenceNicProvider().create(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TargetContext.MAX_OFFLOADED_CONNECTIONS).hasMessageContaining("many");
  }
}
