package dev.rulesync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point. Command-line front ends (lint, plan, sync) are dispatched in {@link dev.rulesync.cli.Cli}. */
@SpringBootApplication
public class RuleSyncApplication {

    public static void main(String[] args) {
        if (dev.rulesync.cli.Cli.handles(args)) {
            System.exit(dev.rulesync.cli.Cli.run(args));
        }
        SpringApplication.run(RuleSyncApplication.class, args);
    }
}
