package dev.rulesync.cli;

import dev.rulesync.apply.RulerTarget;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
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
     * The commands start no Spring context, so logging is set up here: without it Logback would print the HTTP and S3
     * clients' DEBUG lines between the report lines. Libraries' and our own warnings and errors (a retried call, a
     * skipped S3 key) go to stderr, so that stdout carries only the report that scripts and CI parse. Spring Boot's
     * LoggingSystem.beforeInitialize() is not used: it installs a filter that drops every event until a full logging
     * initialisation, which would silently lose those warnings.
     */
    private static void quietLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.WARN);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.addAppender(stderr);
    }
}
