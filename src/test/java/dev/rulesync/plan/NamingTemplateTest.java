package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingTemplateTest {

    private static final ObjectRef API = new ObjectRef(ObjectRef.PROMETHEUS_RULE, "team-a", "api", "1234-abcd");
    private static final NamingTemplate MIMIR = NamingTemplate.defaultFor(RuleType.METRICS);
    private static final NamingTemplate LOKI = NamingTemplate.defaultFor(RuleType.LOGS);

    private static ObjectRef file(String path) {
        return new ObjectRef(ObjectRef.RULE_FILE, null, path, null);
    }

    @Test
    void defaultsAreReadableAndLokisIsSlashFree() {
        assertThat(MIMIR.render(API, "t1")).isEqualTo("rule-sync/team-a/api");
        assertThat(LOKI.render(API, "t1")).isEqualTo("rule-sync-team-a-api");
        assertThat(MIMIR.ownedPrefix()).isEqualTo("rule-sync/");
        assertThat(LOKI.ownedPrefix()).isEqualTo("rule-sync-");
    }

    @Test
    void everyPlaceholderIsFilled() {
        NamingTemplate t = new NamingTemplate("rs/{tenant}/{namespace}/{name}/{uid}", "rs/{tenant}/{path}");

        assertThat(t.render(API, "prod")).isEqualTo("rs/prod/team-a/api/1234-abcd");
        assertThat(t.render(file("a/b.yaml"), "prod")).isEqualTo("rs/prod/a/b.yaml");
    }

    @Test
    void aValueWithRegexReplacementCharactersIsInsertedLiterally() {
        ObjectRef odd = new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "a$1b", "u");
        assertThat(MIMIR.render(odd, "t")).isEqualTo("rule-sync/ns/a$1b");
    }

    @ParameterizedTest
    @CsvSource({
            "team-a/api.yaml,         rule-sync/team-a/api.yaml, rule-sync-team-a-api.yaml",
            "./x/../y.yml,            rule-sync/y.yml,           rule-sync-y.yml",
            "team a/50% ready?.yaml,  rule-sync/team_a/50__ready_.yaml, rule-sync-team_a-50__ready_.yaml",
            "./dir//f.yaml,           rule-sync/dir/f.yaml,      rule-sync-dir-f.yaml",
            "dir\\win.yaml,           rule-sync/dir/win.yaml,    rule-sync-dir-win.yaml",
            "a.yaml#2,                rule-sync/a.yaml_2,        rule-sync-a.yaml_2",
    })
    void filePathsBelowTheRootAreSanitized(String path, String mimir, String loki) {
        assertThat(MIMIR.render(file(path), "t")).isEqualTo(mimir);
        assertThat(LOKI.render(file(path), "t")).isEqualTo(loki);
    }

    @Test
    void aFileNameThatIsNotAPathBelowTheRootIsRefusedWithItsName() {
        for (String name : new String[]{"/etc/x.yaml", "../x.yaml", "a/../../x.yaml"}) {
            assertThatThrownBy(() -> MIMIR.render(file(name), "t"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rule file " + name + " is not a path below the root");
        }
    }

    @Test
    void aPlaceholderWithoutValueIsAnErrorNotAnEmptySegment() {
        NamingTemplate byUid = new NamingTemplate("rule-sync/{uid}", "rule-sync/{path}");
        ObjectRef noUid = new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "n", "");

        assertThatThrownBy(() -> byUid.render(noUid, "t")).hasMessageContaining("PrometheusRule(ns/n) has no uid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{namespace}/{name}     | rule-sync/{path} | must start with a fixed prefix",
            "rule-sync              | rule-sync/{path} | must start with a fixed prefix",
            "rule-sync{namespace}   | rule-sync{path}  | must end with a separator",
            "rule-sync/{namespce}   | rule-sync/{path} | unknown placeholder {namespce}",
            "rule-sync/{namespace   | rule-sync/{path} | unbalanced brace",
            "rule-sync/}{namespace} | rule-sync/{path} | unbalanced brace",
            "rule-sync/{namespace}  | other/{path}     | must start with 'rule-sync/'",
            "rule-sync/{namespace}  | rule-sync/files  | must start with 'rule-sync/'",
            "rule-sync/{namespace}  | rule-sync/{name} | unknown placeholder {name}",
    })
    void badTemplatesFailAtConfigurationWithAReason(String objects, String files, String message) {
        assertThatThrownBy(() -> new NamingTemplate(objects, files))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({
            "rule-sync/a/b,     true",
            "rule-sync/x,       true",
            "rule-sync/,        false",
            "rule-sync,         false",
            "rule-sync-b/a/b,   false",
            "rule-syncx/a,      false",
            "RULE-SYNC/a,       false",
            "x/rule-sync/a,     false",
            "'',                false",
    })
    void ownershipIsAStrictPrefixIncludingTheSeparator(String namespace, boolean owned) {
        assertThat(MIMIR.owns(namespace)).isEqualTo(owned);
    }

    @ParameterizedTest
    @CsvSource({"a,b,c", "x-y,z-,u", "rule-sync,rule-sync,1", "n,a.b.c,0"})
    void everyRenderedNamespaceIsOwned(String namespace, String name, String uid) {
        ObjectRef ref = new ObjectRef(ObjectRef.PROMETHEUS_RULE, namespace, name, uid);
        NamingTemplate byUid = new NamingTemplate("rs_{uid}", "rs_{path}");

        assertThat(MIMIR.owns(MIMIR.render(ref, "t"))).isTrue();
        assertThat(LOKI.owns(LOKI.render(ref, "t"))).isTrue();
        assertThat(byUid.owns(byUid.render(ref, "t"))).isTrue();
    }

    @Test
    void aDashSeparatedPrefixDoesNotOwnTheBareWord() {
        assertThat(LOKI.owns("rule-sync-team-a-api")).isTrue();
        assertThat(LOKI.owns("rule-sync-")).isFalse();
        assertThat(LOKI.owns("rule-sync")).isFalse();
        assertThat(LOKI.owns("rule-syncer-a")).isFalse();
    }
}
