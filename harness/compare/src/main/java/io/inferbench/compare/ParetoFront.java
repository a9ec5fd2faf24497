package io.inferbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations no other one {@link Dominance dominates} over latency, throughput, memory,
 * energy and accuracy, and for each of the others one configuration that dominates it.
 *
 * @param front       ids of the non-dominated configurations, in input order
 * @param dominatedBy each dominated configuration's id to the id of one that dominates it: a member
 *                    of the front when one does (one always does when every objective is measured
 *                    everywhere), else the first in input order; in input order
 */
public record ParetoFront(List<String> front, Map<String, String> dominatedBy) {
    public ParetoFront {
        front = List.copyOf(front);
        dominatedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dominatedBy));
    }

    /** The front of {@code configurations}; ids must be distinct. O(n²) comparisons. */
    public static ParetoFront of(List<Objectives> configurations) {
        int n = configurations.size();
        boolean[] dominated = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n && !dominated[i]; j++) {
                dominated[i] = j != i && Dominance.dominates(configurations.get(j), configurations.get(i));
            }
        }
        List<String> front = new ArrayList<>();
        Map<String, String> by = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Objectives c = configurations.get(i);
            if (!dominated[i]) {
                front.add(c.id());
                continue;
            }
            // Prefer naming a front member: "dominated by c02" should point at a configuration worth a look.
            int first = -1;
            int onFront = -1;
            for (int j = 0; j < n && onFront < 0; j++) {
                if (j != i && Dominance.dominates(configurations.get(j), c)) {
                    first = first < 0 ? j : first;
                    onFront = dominated[j] ? -1 : j;
                }
            }
            by.put(c.id(), configurations.get(onFront >= 0 ? onFront : first).id());
        }
        return new ParetoFront(front, by);
    }

    /** True when the configuration is on the front. */
    public boolean contains(String id) {
        return front.contains(id);
    }
}
