package dev.budgetguard.ingest.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void theAdminKeyIsTheActorAndAnOperatorNameIsAddedToIt() {
        // when / then
        assertThat(Actor.admin(null)).isEqualTo(Actor.ADMIN);
        assertThat(Actor.admin("alice@example.com").name()).isEqualTo("admin:alice@example.com");
        assertThat(new Actor("admin:bob").name()).isEqualTo("admin:bob");
    }

    @Test
    void aNameThatCouldForgeALogLineOrOverflowTheColumnIsRefused() {
        // when / then
        assertThatThrownBy(() -> Actor.admin("alice\nactor=root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.admin("alice smith")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.admin("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.admin("a".repeat(Actor.MAX_OPERATOR_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Actor.admin("a".repeat(Actor.MAX_OPERATOR_LENGTH)).name()).hasSize(6 + Actor.MAX_OPERATOR_LENGTH);
        assertThatThrownBy(() -> new Actor("root")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuditDetailIsBoundedToItsColumn() {
        // when
        var event = new AuditEvent(Actor.ADMIN, "create_tenant", "tenant", "acme", "x".repeat(5000));

        // then
        assertThat(event.detail()).hasSize(AuditEvent.MAX_DETAIL_LENGTH).endsWith("...");
    }
}
