package dev.rulesync.config;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.util.List;
import java.util.Map;

/**
 * Binds {@link RuleSyncProperties} for the command line without starting a Spring context (which would cost about
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
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                // no expression language needed for our messages; saves loading an EL implementation
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            var handler = new ValidationBindHandler(new SpringValidatorAdapter(factory.getValidator()));
            return Binder.get(env).bindOrCreate("rulesync", Bindable.of(RuleSyncProperties.class), handler);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Map<String, Object> systemEnvironment() {
        return (Map) System.getenv();
    }
}
