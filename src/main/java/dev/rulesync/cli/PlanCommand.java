package dev.rulesync.cli;

import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.ExitCode;
import dev.rulesync.sync.SyncEngine;
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
    int run(SyncEngine engine, List<DesiredObject> desired, RuleSyncProperties props, PrintWriter out) {
        return ExitCode.ofPlan(planAndPrint(engine, desired, props, out)).code();
    }
}
