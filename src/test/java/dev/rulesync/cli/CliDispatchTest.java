package dev.rulesync.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door: which words run a command, which start the controller, and what a typo gets. */
class CliDispatchTest {

    private static MainRun main(String... args) {
        return MainRun.of(args);
    }

    @Test
    void aMistypedCommandPrintsTheUsageWithASuggestionAndExitsTwo() {
        MainRun r = main("lnit", "rules/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("rule-sync: unknown command 'lnit'; did you mean lint?")
                .contains("Usage: rule-sync", "lint", "plan", "sync", "controller");
        assertThat(r.out()).isEmpty();
        assertThat(main("snyc").err()).contains("did you mean sync?");
        assertThat(main("controler").err()).contains("did you mean controller?");
        MainRun far = main("deploy", "rules/");
        assertThat(far.exit()).isEqualTo(2);
        assertThat(far.err()).startsWith("rule-sync: unknown command 'deploy'\n").doesNotContain("did you mean");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        MainRun r = main();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: rule-sync", "Commands:", "controller");
        assertThat(main("--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void helpAndVersionSucceed() {
        MainRun help = main("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("lint", "plan", "sync", "controller");
        MainRun lintHelp = main("help", "lint");
        assertThat(lintHelp.exit()).isZero();
        assertThat(lintHelp.out()).contains("Usage: rule-sync lint", "--changed-since");
        assertThat(main("--version").out()).startsWith("rule-sync ");
        MainRun controllerHelp = main("controller", "--help");
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
