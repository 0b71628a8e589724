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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * The process's front door: {@code rule-sync COMMAND ...}. The command-line front ends (lint, plan, sync) run
 * without a web server or Spring context, so they start fast; {@code controller} is the only command that starts
 * the Spring application (see {@link dev.rulesync.RuleSyncApplication#main}). No command or an unknown one prints
 * the usage and exits 2, so that a typo in a CI script fails instead of starting an idle server.
 */
public final class Cli {

    /** The commands, in the order the usage lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> c = new LinkedHashMap<>();
        c.put("lint", LintCommand.class);
        c.put("plan", PlanCommand.class);
        c.put("sync", SyncCommand.class);
        c.put("controller", ControllerCommand.class);
        return Collections.unmodifiableMap(c);
    }

    /** Arguments that ask for help or the version rather than a command. */
    private static final Set<String> HELP = Set.of("help", "--help", "-h", "--version", "-V");

    @Command(name = "rule-sync", mixinStandardHelpOptions = true, version = "rule-sync 0.1.0",
            description = "Validates PrometheusRule objects and syncs them into Mimir's and Loki's rulers.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"2:no command or an unknown command"})
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** {@code rule-sync} alone: the usage, and a failure, since nothing was done. */
        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    private Cli() {
    }

    /** Whether {@code args} start the long-running controller (a Spring application) rather than a command. */
    public static boolean startsController(String[] args) {
        return args.length > 0 && args[0].equals("controller")
                && Arrays.stream(args).noneMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The controller's own arguments (Spring Boot's {@code --name=value} properties). */
    public static String[] controllerArgs(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    /** Runs one command and returns its exit code; never starts the controller. */
    public static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("plan") || args[0].equals("sync"))) quietLogging();
        String unknown = args.length > 0 && !COMMANDS.containsKey(args[0]) && !HELP.contains(args[0]) ? args[0] : null;
        if (unknown != null && !unknown.startsWith("-")) return unknownCommand(unknown);
        return commandLine(args.length == 0 ? null : args[0], UnaryOperator.identity()).execute(args);
    }

    private static int unknownCommand(String word) {
        CommandLine cl = commandLine(null, UnaryOperator.identity());
        PrintWriter err = cl.getErr();
        err.println("rule-sync: unknown command '" + word + "'" + Suggestions.closest(word, COMMANDS.keySet())
                .map(s -> "; did you mean " + s + "?").orElse(""));
        cl.usage(err);
        err.flush();
        return 2;
    }

    /** The command tree. */
    static CommandLine commandLine() {
        return commandLine(UnaryOperator.identity());
    }

    /** The command tree, with every ruler target of plan and sync wrapped by {@code decorator} (tests count calls). */
    public static CommandLine commandLine(UnaryOperator<RulerTarget> decorator) {
        return commandLine(null, decorator);
    }

    /**
     * The command tree for one command: only that command is built when {@code command} names one. picocli builds a
     * command's model by reflection when it is added, and its classes cannot be kept in the class-data archive (they
     * are Java 5 class files), so building plan's and sync's models would cost lint about a third of its start.
     */
    private static CommandLine commandLine(String command, UnaryOperator<RulerTarget> decorator) {
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
        Class<?> only = command == null ? null : COMMANDS.get(command);
        for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
            if (only == null || only == c.getValue()) cl.addSubcommand(c.getKey(), new CommandLine(c.getValue(), factory));
        }
        if (only == null) cl.addSubcommand("help", new CommandLine(CommandLine.HelpCommand.class, factory));
        // settings last: picocli copies them to the subcommands that exist when they are set
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
