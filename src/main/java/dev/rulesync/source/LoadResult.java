package dev.rulesync.source;

import dev.rulesync.model.Problem;

import java.util.List;

/**
 * What one file holds: its objects, the problems that belong to no object (bad YAML, a document that is
 * neither a PrometheusRule nor a rule file), and its {@code # rule-sync disable} comments.
 */
public record LoadResult(String file, List<LoadedObject> objects, List<Problem> problems,
                         List<DisableComment> disables) {

    public LoadResult {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
        disables = disables == null ? List.of() : List.copyOf(disables);
    }

    public LoadResult(String file, List<LoadedObject> objects, List<Problem> problems) {
        this(file, objects, problems, List.of());
    }

    public int ruleCount() {
        return objects.stream().flatMap(o -> o.object().groups().stream()).mapToInt(g -> g.rules().size()).sum();
    }
}
