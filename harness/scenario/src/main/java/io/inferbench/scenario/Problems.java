package io.inferbench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while binding one scenario file; each located at a YAML node. */
final class Problems {
    private final String file;
    private final Set<Problem> problems = new LinkedHashSet<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Records a problem at {@code node}'s position and returns null, so binders can {@code return problems.at(..)}. */
    <T> T at(Node node, String path, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        int col = node == null ? 0 : node.getStartMark().getColumn() + 1;
        problems.add(new Problem(file, line, col, path, message));
        return null;
    }

    void add(Problem p) {
        problems.add(p);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ScenarioException(sorted);
        }
    }
}
