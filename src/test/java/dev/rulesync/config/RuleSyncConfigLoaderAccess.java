package dev.rulesync.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Test access to the loader's two ways of binding lint's settings. */
public final class RuleSyncConfigLoaderAccess {

    private RuleSyncConfigLoaderAccess() {
    }

    public static RuleSyncConfigLoader.LintSettings bindLint(Map<String, Object> flags) {
        return RuleSyncConfigLoader.bindLint(flags, List.of(), Map.of());
    }

    public static RuleSyncConfigLoader.LintSettings shortcut(Map<String, Object> flags) {
        return RuleSyncConfigLoader.LintSettings.of(flags);
    }

    public static boolean outside(Map<String, Object> flags, Map<String, Object> env, Collection<Object> sysProps,
                                  Path dir) {
        return RuleSyncConfigLoader.configuredOutsideFlags(flags, env, sysProps, dir);
    }
}
