package dev.rulesync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point. Command-line front ends (lint, plan, sync) are dispatched in {@link dev.rulesync.cli.Cli} without a
 * Spring context; the controller binds the same {@code rulesync.*} tree as the commands.
 */
@SpringBootApplication
@EnableConfigurationProperties(dev.rulesync.config.RuleSyncProperties.class)
public class RuleSyncApplication {

    public static void main(String[] args) {
        if (dev.rulesync.cli.Cli.handles(args)) {
            System.exit(dev.rulesync.cli.Cli.run(args));
        }
        SpringApplication.run(RuleSyncApplication.class, args);
    }
}
