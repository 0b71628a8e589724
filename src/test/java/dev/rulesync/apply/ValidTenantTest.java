package dev.rulesync.apply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidTenantTest {

    @Test
    void aRulerCallWithAnInvalidTenantFailsPermanently() {
        assertThatThrownBy(() -> RulerTarget.validTenant("mimir", "a b"))
                .isInstanceOfSatisfying(RulerException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageStartingWith("mimir: ");
        assertThat(RulerTarget.validTenant("mimir", "prod")).isEqualTo("prod");
    }
}
