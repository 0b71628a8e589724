package dev.rulesync;

import dev.rulesync.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point of {@code rule-sync COMMAND}. {@code rule-sync controller} is the only way to start this Spring
 * application (the long-running service with its web server); every other command (lint, plan, sync, help) runs in
 * {@link Cli} without a Spring context, and no command or an unknown one prints the usage and exits 2. The
 * controller binds the same {@code rulesync.*} tree as the commands.
 */
@SpringBootApplication
@EnableConfigurationProperties(dev.rulesync.config.RuleSyncProperties.class)
public class RuleSyncApplication {

    public static void main(String[] args) {
        if (Cli.startsController(args)) {
            SpringApplication.run(RuleSyncApplication.class, Cli.controllerArgs(args));
            return;
        }
        System.exit(Cli.run(args));
    }
}
