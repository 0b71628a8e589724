package dev.rulesync.cli;

import java.util.Set;

/** Dispatches command-line front ends; they run without a web server. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("lint", "plan", "sync", "help", "--help", "-h", "--version");

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        System.err.println("not implemented yet: " + args[0]);
        return 2;
    }
}
