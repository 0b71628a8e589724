package dev.rulesync.cli;

import dev.rulesync.apply.RulerTarget;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Dispatches command-line front ends; they run without a web server or Spring context, so they start fast. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("lint", "plan", "sync", "help", "--help", "-h", "--version");

    @Command(name = "rule-sync", mixinStandardHelpOptions = true, version = "rule-sync 0.1.0",
            description = "Validates PrometheusRule objects and syncs them into Mimir's and Loki's rulers.",
            subcommands = {LintCommand.class, PlanCommand.class, SyncCommand.class, CommandLine.HelpCommand.class})
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
        if (args.length > 0 && (args[0].equals("plan") || args[0].equals("sync"))) quietLogging();
        return commandLine().execute(args);
    }

    /** The command tree. */
    static CommandLine commandLine() {
        return commandLine(UnaryOperator.identity());
    }

    /** The command tree, with every ruler target of plan and sync wrapped by {@code decorator} (tests count calls). */
    public static CommandLine commandLine(UnaryOperator<RulerTarget> decorator) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                if (made instanceof RulerCommand c) c.decorator = decorator;
                return made;
            }
        };
        CommandLine cl = new CommandLine(new Root(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // reports hold file names and messages in any language: always UTF-8, whatever the platform default
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true));
        return cl;
    }

    /**
     * Without Spring Boot's logging set-up, Logback would print the HTTP and S3 clients' DEBUG lines between the plan
     * lines; the commands show only warnings and errors from libraries.
     */
    private static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(Cli.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }
}
