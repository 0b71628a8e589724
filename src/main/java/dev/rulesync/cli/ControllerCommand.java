package dev.rulesync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code rule-sync controller}: only its help lives here. The controller itself is the Spring application, started
 * by {@link dev.rulesync.RuleSyncApplication#main} before the command line is parsed, since its arguments are Spring
 * Boot's ({@code --server.port=8080}, {@code --rulesync.mimir.url=...}), not options of this command.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {"Runs the long-running service: watches PrometheusRule objects and keeps the rulers in sync, "
                + "with the REST API and Actuator endpoints.",
                "Its arguments are configuration properties (--rulesync.NAME=VALUE, --server.port=8080); "
                        + "see docs/configuration.md."})
final class ControllerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Reached only when the controller was not started (with --help the usage is printed instead of this). */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rule-sync controller: start it as `rule-sync controller [--name=value...]`");
        return 2;
    }
}
