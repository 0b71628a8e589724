package dev.rulesync.apply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIdsTest {

    @Test
    void acceptsTheDocumentedCharacters() {
        assertThat(TenantIds.problem("team-a_1.prod!*'()")).isEmpty();
    }

    @Test
    void rejectsSlashAndPathStepsBecauseTheyWouldLeaveTheTenantsKeyPrefix() {
        assertThat(TenantIds.problem("a/b")).get().asString().contains("'/'").contains("index 1");
        assertThat(TenantIds.problem("..")).isPresent();
        assertThat(TenantIds.problem("")).isPresent();
        assertThat(TenantIds.problem("x".repeat(151))).isPresent();
        assertThat(TenantIds.problem("x".repeat(150))).isEmpty();
        // '!-_' in Mimir's docs is three characters, not a range: '/' and ':' lie inside that range.
        assertThat(TenantIds.problem("a:b")).isPresent();
    }

    @Test
    void requireThrowsAPermanentError() {
        assertThatThrownBy(() -> TenantIds.require("mimir", "a b"))
                .isInstanceOfSatisfying(RulerException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageStartingWith("mimir: ");
    }
}
