package dev.rulesync.plan;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.Objects;

/**
 * Everything the planner needs to know about one configured target.
 *
 * @param profile  name, type, stored form and name rules of the target
 * @param naming   how source objects map to remote namespaces, and which remote namespaces are ours
 * @param language the target's expression language, used only for the canonical form of its analysis
 */
public record PlanTarget(TargetProfile profile, NamingTemplate naming, ExpressionLanguage language) {

    public PlanTarget {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(language, "language");
    }

    public static PlanTarget of(RulerTarget target, NamingTemplate naming, ExpressionLanguage language) {
        return new PlanTarget(TargetProfile.of(target), naming, language);
    }

    public String name() {
        return profile.name();
    }
}
