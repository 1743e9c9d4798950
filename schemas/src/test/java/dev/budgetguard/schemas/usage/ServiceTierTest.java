package dev.budgetguard.schemas.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceTierTest {

    @Test
    void aReportedTierThatIsNotAShortWordIsDroppedButTheBatchFlagKept() {
        // when
        ServiceTier junk = ServiceTier.reported("flex\"; DROP", true);
        ServiceTier flex = ServiceTier.reported("flex", false);

        // then
        assertThat(junk).isEqualTo(new ServiceTier(null, true));
        assertThat(flex.name()).isEqualTo("flex");
        assertThat(ServiceTier.reported(null, false)).isSameAs(ServiceTier.STANDARD);
    }

    @Test
    void aTierNameIsValidatedAtConstruction() {
        assertThatThrownBy(() -> new ServiceTier("", false)).hasMessageContaining("service_tier");
        assertThatThrownBy(() -> new ServiceTier("x".repeat(65), false)).hasMessageContaining("service_tier");
    }
}
