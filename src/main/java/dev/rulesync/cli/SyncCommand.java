package dev.rulesync.cli;

import dev.rulesync.engine.Engine;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.Plan;
import dev.rulesync.sync.SyncResult;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code rule-sync sync}: plans like {@code plan}, then applies the operations with bounded concurrency. */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Brings the rulers to the files' state: prints the plan, applies it, prints a summary.",
        footer = {"%nAny configuration property can be given as --rulesync.NAME=VALUE, as a RULESYNC_NAME environment"
                + " variable or in application.yaml (docs/configuration.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything applied", "1:some objects are invalid (the rest is synced)",
                "2:usage, configuration or I/O error, a tenant could not be listed, or a ruler refused an operation"})
public final class SyncCommand extends RulerCommand {

    @Override
    String verb() {
        return "sync";
    }

    @Override
    int run(Engine engine, List<DesiredObject> desired, PrintWriter out) {
        Plan plan = planAndPrint(engine, desired, out);
        SyncResult result = engine.execute(plan);
        out.print(result.format());
        return result.exitCode().code();
    }
}
