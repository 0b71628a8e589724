package dev.rulesync.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples; GoSyntaxOracleIT compares the rule with dskit's tenant.ValidTenantID on many more. */
class TenantIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"team-a", "A_b.c", "x!*'()", "0", "a..b", "team-a_1.prod!*'()"})
    void validTenantIds(String id) {
        assertThat(TenantIds.problem(id)).isEmpty();
    }

    @ParameterizedTest
    // '!-_' in Mimir's docs is three characters, not a range: '/' and ':' lie inside that range
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "a|b", "a:b", "tenant#1", "é", "a\\b"})
    void invalidTenantIds(String id) {
        assertThat(TenantIds.problem(id)).isPresent();
    }

    @Test
    void namesTheCharacterAndItsPlace() {
        assertThat(TenantIds.problem("a/b")).get().asString().contains("'/'").contains("index 1");
    }

    @Test
    void limitedTo150Bytes() {
        assertThat(TenantIds.problem("a".repeat(150))).isEmpty();
        assertThat(TenantIds.problem("a".repeat(151))).hasValueSatisfying(m -> assertThat(m).contains("151 bytes"));
    }
}
