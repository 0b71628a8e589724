package dev.rulesync.cli;

import dev.rulesync.config.RuleSyncConfigLoader;
import org.springframework.boot.context.properties.bind.BindException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every command gets its configuration, so that {@code lint}, {@code plan} and {@code sync} read the same
 * settings the same way (and so give the same verdict on the same files): the command's flags over
 * {@code --rulesync.x=y} arguments over {@code RULESYNC_*} environment variables over application.yaml and
 * {@code --config FILE}, bound by {@link RuleSyncConfigLoader} like the controller's.
 */
final class CommandConfiguration {

    /** A configuration the command cannot run with; the message is complete and names the command. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** One of {@link RuleSyncConfigLoader}'s bindings: the whole tree, or the part a command uses. */
    @FunctionalInterface
    interface Binding<T> {
        T bind(Map<String, Object> flags, List<String> springArgs, Map<String, Object> environment);
    }

    private CommandConfiguration() {
    }

    /**
     * @param verb         the command, for messages
     * @param flags        properties set by the command's own flags, e.g. {@code rulesync.files.tenant}
     * @param config       {@code --config FILE}, read as Spring Boot's {@code spring.config.additional-location}, or null
     * @param propertyArgs the arguments the command did not recognise: each must be {@code --rulesync.x=y} or
     *                     {@code --spring.x=y}
     * @param environment  the process environment (System.getenv() outside tests)
     * @param binding      e.g. {@link RuleSyncConfigLoader#load}
     */
    static <T> T load(String verb, Map<String, Object> flags, Path config, List<String> propertyArgs,
                      Map<String, Object> environment, Binding<T> binding) throws Invalid {
        for (String a : propertyArgs) {
            if (!(a.startsWith("--rulesync.") || a.startsWith("--spring.")) || !a.contains("=")) {
                throw new Invalid("rule-sync " + verb + ": unknown option " + a
                        + " (configuration properties are given as --rulesync.name=value)");
            }
        }
        Map<String, Object> all = new LinkedHashMap<>(flags);
        if (config != null) all.put("spring.config.additional-location", "file:" + config.toAbsolutePath());
        try {
            return binding.bind(all, propertyArgs, environment);
        } catch (BindException e) {
            throw new Invalid("rule-sync " + verb + ": invalid configuration " + e.getName() + ": " + rootMessage(e));
        } catch (RuntimeException e) {
            throw new Invalid("rule-sync " + verb + ": invalid configuration: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }
}
