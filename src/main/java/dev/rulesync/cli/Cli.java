package dev.rulesync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Dispatches command-line front ends; they run without a web server or Spring context, so they start fast. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("lint", "plan", "sync", "help", "--help", "-h", "--version");

    @Command(name = "rule-sync", mixinStandardHelpOptions = true, version = "rule-sync 0.1.0",
            description = "Validates PrometheusRule objects and syncs them into Mimir's and Loki's rulers.",
            subcommands = {LintCommand.class, CommandLine.HelpCommand.class})
    static final class Root implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.out);
        }
    }

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("plan") || args[0].equals("sync"))) {
            System.err.println("not implemented yet: " + args[0]);
            return 2;
        }
        return commandLine().execute(args);
    }

    /** The command tree; plan and sync join it as further subcommands. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Root());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // reports hold file names and messages in any language: always UTF-8, whatever the platform default
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true));
        return cl;
    }
}
