package dev.rulesync.source;

import dev.rulesync.model.Problem;

import java.util.List;

/**
 * What one file holds: its objects and the problems that belong to no object (bad YAML, a document that is
 * neither a PrometheusRule nor a rule file).
 */
public record LoadResult(String file, List<LoadedObject> objects, List<Problem> problems) {

    public LoadResult {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    public int ruleCount() {
        return objects.stream().flatMap(o -> o.object().groups().stream()).mapToInt(g -> g.rules().size()).sum();
    }
}
