package dev.rulesync.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door: which words run a command, which start the controller, and what a typo gets. */
class CliDispatchTest {

    private record Run(int exit, String out, String err) {
    }

    /** Runs {@link Cli#run} as the process's main does, with stdout and stderr captured. */
    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Cli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMistypedCommandPrintsTheUsageWithASuggestionAndExitsTwo() {
        Run r = main("lnit", "rules/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("rule-sync: unknown command 'lnit'; did you mean lint?")
                .contains("Usage: rule-sync", "lint", "plan", "sync", "controller");
        assertThat(r.out()).isEmpty();
        assertThat(main("snyc").err()).contains("did you mean sync?");
        assertThat(main("controler").err()).contains("did you mean controller?");
        Run far = main("deploy", "rules/");
        assertThat(far.exit()).isEqualTo(2);
        assertThat(far.err()).startsWith("rule-sync: unknown command 'deploy'\n").doesNotContain("did you mean");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        Run r = main();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: rule-sync", "Commands:", "controller");
        assertThat(main("--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void helpAndVersionSucceed() {
        Run help = main("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("lint", "plan", "sync", "controller");
        Run lintHelp = main("help", "lint");
        assertThat(lintHelp.exit()).isZero();
        assertThat(lintHelp.out()).contains("Usage: rule-sync lint", "--changed-since");
        assertThat(main("--version").out()).startsWith("rule-sync ");
        Run controllerHelp = main("controller", "--help");
        assertThat(controllerHelp.exit()).isZero();
        assertThat(controllerHelp.out()).contains("Usage: rule-sync controller");
    }

    @Test
    void onlyTheControllerCommandStartsTheSpringApplication() {
        assertThat(Cli.startsController(new String[] {"controller"})).isTrue();
        assertThat(Cli.startsController(new String[] {"controller", "--server.port=8081"})).isTrue();
        assertThat(Cli.controllerArgs(new String[] {"controller", "--server.port=8081"})).containsExactly("--server.port=8081");
        for (List<String> args : List.of(List.<String>of(), List.of("controller", "--help"), List.of("lint", "x"),
                List.of("lnit"), List.of("--server.port=8081"), List.of("help", "controller"))) {
            assertThat(Cli.startsController(args.toArray(String[]::new))).as(args.toString()).isFalse();
        }
    }

    @Test
    void suggestionsCountASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("lnit", "lint")).isEqualTo(1);
        assertThat(Suggestions.distance("lin", "lint")).isEqualTo(1);
        assertThat(Suggestions.distance("plna", "plan")).isEqualTo(1);
        assertThat(Suggestions.distance("sync", "sync")).isZero();
        assertThat(Suggestions.distance("deploy", "lint")).isGreaterThan(2);
        assertThat(Suggestions.closest("lnit", List.of("lint", "plan", "sync"))).contains("lint");
        assertThat(Suggestions.closest("xyz", List.of("lint", "plan", "sync"))).isEmpty();
    }
}
