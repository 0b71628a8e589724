package dev.rulesync.plan;

import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulesync.plan.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ExitCodeTest {

    private final Planner planner = new Planner(List.of(mimir()), Pruning.PRUNE);
    private final DesiredObject good = metrics("t", cr("ns", "good"), group("g", record("r", "1")));
    private final DesiredObject bad = DesiredObject.invalid(cr("ns", "bad"), "t", RuleType.METRICS);

    @Test
    void planCodesFollowErrorThenInvalidThenPendingThenOk() {
        Plan inSync = planner.plan(List.of(good), remote().ns("mimir", "t", "rule-sync/ns/good",
                group("g", record("r", "1"))).build());
        Plan pending = planner.plan(List.of(good), remote().empty("mimir", "t").build());
        Plan invalidAndPending = planner.plan(List.of(good, bad), remote().empty("mimir", "t").build());
        Plan failed = planner.plan(List.of(good, bad), remote().failed("mimir", "t", "boom").build());

        assertThat(ExitCode.ofPlan(inSync)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.ofPlan(pending)).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(ExitCode.ofPlan(invalidAndPending)).isEqualTo(ExitCode.INVALID);
        assertThat(ExitCode.ofPlan(failed)).isEqualTo(ExitCode.ERROR);
        assertThat(List.of(ExitCode.OK, ExitCode.INVALID, ExitCode.ERROR, ExitCode.CHANGES_PENDING))
                .extracting(ExitCode::code).containsExactly(0, 1, 2, 3);
    }

    @Test
    void syncCodesIgnorePendingAndFailOnAnyFailedOperation() {
        Plan pending = planner.plan(List.of(good), remote().empty("mimir", "t").build());
        Plan invalid = planner.plan(List.of(good, bad), remote().empty("mimir", "t").build());

        assertThat(ExitCode.ofSync(pending, false)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.ofSync(invalid, false)).isEqualTo(ExitCode.INVALID);
        assertThat(ExitCode.ofSync(invalid, true)).isEqualTo(ExitCode.ERROR);
    }
}
