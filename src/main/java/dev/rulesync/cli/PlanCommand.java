package dev.rulesync.cli;

import dev.rulesync.engine.Engine;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.ExitCode;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code rule-sync plan}: what {@code sync} would do, per target and tenant; writes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the rulers and prints the operations that would bring them to the files' state.",
        footer = {"%nAny configuration property can be given as --rulesync.NAME=VALUE, as a RULESYNC_NAME environment"
                + " variable or in application.yaml (docs/configuration.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:in sync", "1:some objects are invalid (the rest is planned)",
                "2:usage, configuration or I/O error, or a tenant could not be listed", "3:changes pending"})
public final class PlanCommand extends RulerCommand {

    @Override
    String verb() {
        return "plan";
    }

    @Override
    int run(Engine engine, List<DesiredObject> desired, PrintWriter out) {
        return ExitCode.ofPlan(planAndPrint(engine, desired, out)).code();
    }
}
