package dev.rulesync.config;

import dev.rulesync.model.RuleType;
import dev.rulesync.validate.NameValidation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binds {@link RuleSyncProperties} for every command ({@code lint}, {@code plan}, {@code sync}) without starting a Spring context (which would cost about
 * a second per command): a {@link StandardEnvironment} gets the same sources in the same order as a Spring Boot
 * application, and Spring Boot's own config-data processing reads application.yaml (classpath, ./, ./config/,
 * {@code spring.config.location}, {@code spring.config.import}, profiles). Highest precedence first:
 * the command's flags, {@code --rulesync.x=y} / {@code --spring.x=y} arguments, Java system properties, environment
 * variables ({@code RULESYNC_MIMIR_URL}), then the config files. Validation is the controller's: JSR-303 plus the
 * records' own checks.
 */
public final class RuleSyncConfigLoader {

    private RuleSyncConfigLoader() {
    }

    /**
     * @param flags       properties set by the command's own flags (e.g. {@code rulesync.mimir.url}), highest precedence
     * @param springArgs  arguments of the form {@code --name=value}
     * @param environment the process environment (System.getenv() outside tests)
     * @throws org.springframework.boot.context.properties.bind.BindException with the property name and reason
     */
    public static RuleSyncProperties load(Map<String, Object> flags, List<String> springArgs,
                                          Map<String, Object> environment) {
        StandardEnvironment env = environment(flags, springArgs, environment);
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                // no expression language needed for our messages; saves loading an EL implementation
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            var handler = new ValidationBindHandler(new SpringValidatorAdapter(factory.getValidator()));
            Binder binder = Binder.get(env);
            RuleSyncProperties props = binder.bindOrCreate("rulesync", Bindable.of(RuleSyncProperties.class), handler);
            lint(binder);
            return props;
        }
    }

    /**
     * The part of the tree {@code lint} uses ({@code rulesync.lint}, {@code rulesync.files}), bound from the same
     * sources in the same order as {@link #load}, so lint and plan judge the same files with the same settings.
     * Without the ruler settings there is nothing for Bean Validation to check (these records check themselves),
     * so lint does not pay Hibernate Validator's start-up.
     * <p>
     * When no source but the command's flags can set anything (no {@code --rulesync.x}/{@code --spring.x}
     * argument, no {@code RULESYNC_LINT_*}, {@code RULESYNC_FILES_*} or {@code SPRING_*} variable or system
     * property, and no application.* file where Spring Boot looks for one in the working directory), binding gives
     * the defaults with the flags on top, and those are returned without starting Spring's configuration machinery:
     * it is the larger part of a small lint's start-up (some 0.5 s of CPU without a class-data cache, 0.15 s with
     * one). The built-in application.yaml holds the records' defaults (a test keeps them equal).
     *
     * @param flags properties set by the command's flags, with values of the records' types ({@code String},
     *              {@code Integer}, {@link dev.rulesync.model.RuleType}, {@link dev.rulesync.validate.NameValidation})
     */
    public static LintSettings loadLint(Map<String, Object> flags, List<String> springArgs,
                                        Map<String, Object> environment) {
        if (springArgs.isEmpty() && !configuredOutsideFlags(flags, environment, System.getProperties().keySet(),
                Path.of(""))) {
            LintSettings settings = LintSettings.of(flags);
            if (settings != null) return settings;
        }
        return bindLint(flags, springArgs, environment);
    }

    /** {@link #loadLint} through Spring's binder, whatever the sources. */
    static LintSettings bindLint(Map<String, Object> flags, List<String> springArgs, Map<String, Object> environment) {
        Binder binder = Binder.get(environment(flags, springArgs, environment));
        return new LintSettings(lint(binder),
                binder.bindOrCreate("rulesync.files", Bindable.of(RuleSyncProperties.Files.class)));
    }

    /** The prefixes of environment variables and system properties that can change lint's settings or sources. */
    private static final List<String> LINT_SOURCES = List.of("RULESYNC_LINT", "RULESYNC_FILES", "SPRING_");

    /** Spring Boot's default config locations in the working directory (the classpath holds only ours). */
    private static final List<String> CONFIG_FILES = List.of("application.properties", "application.xml",
            "application.yaml", "application.yml");

    /**
     * Whether a source other than the command's own flags could set a lint setting: a {@code spring.*} flag
     * ({@code --config}), a variable or system property under {@code rulesync.lint}, {@code rulesync.files} or
     * {@code spring} in any of the spellings Spring's relaxed binding reads, or a config file in the directory.
     */
    static boolean configuredOutsideFlags(Map<String, Object> flags, Map<String, Object> environment,
                                          Collection<Object> systemProperties, Path workingDir) {
        if (flags.keySet().stream().anyMatch(k -> k.startsWith("spring."))) return true;
        for (Object name : environment.keySet()) {
            if (affectsLint(name.toString())) return true;
        }
        for (Object name : systemProperties) {
            if (affectsLint(name.toString())) return true;
        }
        for (String f : CONFIG_FILES) {
            if (Files.exists(workingDir.resolve(f)) || Files.exists(workingDir.resolve("config").resolve(f))) return true;
        }
        Path configDir = workingDir.resolve("config");
        if (Files.isDirectory(configDir)) {
            try (var dirs = Files.list(configDir)) {
                // config/*/application.*: Spring Boot reads these too
                return dirs.filter(Files::isDirectory).anyMatch(d -> CONFIG_FILES.stream().anyMatch(f -> Files.exists(d.resolve(f))));
            } catch (java.io.IOException e) {
                return true; // cannot tell: let Spring look
            }
        }
        return false;
    }

    private static boolean affectsLint(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        return LINT_SOURCES.stream().anyMatch(n::startsWith);
    }

    /**
     * What lint needs from the configuration.
     *
     * @param lint  the check settings
     * @param files tenant and type of plain rule files
     */
    public record LintSettings(LintProperties lint, RuleSyncProperties.Files files) {

        /**
         * The defaults with {@code flags} on top, or null when a flag is not one of lint's or its value is not of
         * the record's type (then Spring's binder converts it).
         */
        static LintSettings of(Map<String, Object> flags) {
            for (Map.Entry<String, Object> f : flags.entrySet()) {
                Class<?> type = FLAG_TYPES.get(f.getKey());
                if (type == null || !type.isInstance(f.getValue())) return null;
            }
            return new LintSettings(new LintProperties(null, (NameValidation) flags.get("rulesync.lint.name-validation"),
                    (Integer) flags.get("rulesync.lint.max-rules-per-group"),
                    (String) flags.get("rulesync.lint.tenant-label"), (String) flags.get("rulesync.lint.type-label"),
                    null, null, null),
                    new RuleSyncProperties.Files((String) flags.get("rulesync.files.tenant"),
                            (RuleType) flags.get("rulesync.files.type"), null));
        }

        private static final Map<String, Class<?>> FLAG_TYPES = Map.of(
                "rulesync.files.tenant", String.class, "rulesync.files.type", RuleType.class,
                "rulesync.lint.tenant-label", String.class, "rulesync.lint.type-label", String.class,
                "rulesync.lint.name-validation", NameValidation.class,
                "rulesync.lint.max-rules-per-group", Integer.class);
    }

    /** The environment of a Spring Boot application: arguments, environment variables, config data. */
    private static StandardEnvironment environment(Map<String, Object> flags, List<String> springArgs,
                                                   Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        if (!springArgs.isEmpty()) {
            sources.addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
        }
        if (!flags.isEmpty()) sources.addFirst(new MapPropertySource("rule-sync command flags", flags));
        ConfigDataEnvironmentPostProcessor.applyTo(env);
        return env;
    }

    /**
     * {@code rulesync.lint}, where a misspelt key ({@code disabled-check}) would silently leave a check on: an
     * unknown key there in a file or an argument is an error. Environment variables are not checked: unrelated ones
     * share the prefix ({@code RULESYNC_JAVA_OPTS} of the launcher, {@code RULESYNC_TIMINGS}).
     */
    private static LintProperties lint(Binder binder) {
        try {
            return binder.bindOrCreate("rulesync.lint", Bindable.of(LintProperties.class), new NoUnboundElementsBindHandler(
                    BindHandler.DEFAULT, s -> !(s.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)));
        } catch (BindException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof UnboundConfigurationPropertiesException)) cause = cause.getCause();
            if (!(cause instanceof UnboundConfigurationPropertiesException unbound)) throw e;
            ConfigurationProperty first = unbound.getUnboundProperties().iterator().next();
            String name = first.getName().toString().replaceAll("\\[\\d+]$", "");
            throw new IllegalArgumentException("unknown setting " + name
                    + (first.getOrigin() == null ? "" : " (" + first.getOrigin() + ")"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Map<String, Object> systemEnvironment() {
        return (Map) System.getenv();
    }
}
