package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The scale-out examples in ci/: the Kubernetes manifests carry the fields the API server requires
 * and that keep shards comparable, their Indexed Job agrees with its shard count, and every
 * {@code ./inferbench} call in them and in the sharded GitHub workflow is a real command with real
 * options.
 */
class ScaleOutTemplatesTest {
    private static final Path CI = Path.of("../../ci");

    private static String read(String name) throws IOException {
        return Files.readString(CI.resolve(name), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        assertTrue(o instanceof Map, what + " is not a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        assertTrue(o instanceof List, what + " is not a list: " + o);
        return (List<Object>) o;
    }

    /** The problems of one Kubernetes object, as a reviewer would list them. */
    static List<String> manifestProblems(Map<String, Object> doc, String file) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("apiVersion", "kind", "metadata")) {
            if (!doc.containsKey(field)) {
                problems.add(file + ": no " + field);
            }
        }
        if (!(doc.get("metadata") instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String)) {
            problems.add(file + ": no metadata.name");
        }
        if (!"Job".equals(doc.get("kind"))) {
            return problems;
        }
        Map<String, Object> spec = map(doc.get("spec"), file + " spec");
        Map<String, Object> pod = map(map(spec.get("template"), file + " template").get("spec"), file + " pod spec");
        if (!List.of("Never", "OnFailure").contains(pod.get("restartPolicy"))) {
            problems.add(file + ": a Job's pods need restartPolicy Never or OnFailure");
        }
        for (Object c : list(pod.get("containers"), file + " containers")) {
            Map<String, Object> container = map(c, file + " container");
            if (!(container.get("name") instanceof String) || !(container.get("image") instanceof String)) {
                problems.add(file + ": a container needs a name and an image");
            }
            Map<String, Object> resources = map(container.get("resources"), file + " resources");
            if (!resources.get("requests").equals(resources.get("limits"))) {
                problems.add(file + ": requests differ from limits (not Guaranteed QoS)");
            }
            Object cpu = map(resources.get("limits"), file + " limits").get("cpu");
            if (!String.valueOf(cpu).matches("\\d+")) {
                problems.add(file + ": cpu " + cpu + " is not a whole number (the static CPU manager pins whole cores only)");
            }
        }
        if ("Indexed".equals(spec.get("completionMode"))) {
            Object completions = spec.get("completions");
            if (!(completions instanceof Integer)) {
                problems.add(file + ": an Indexed Job needs completions");
            } else {
                if (!completions.equals(spec.get("parallelism"))) {
                    problems.add(file + ": parallelism differs from completions (shards would run one after another)");
                }
                String text = String.valueOf(pod.get("containers"));
                if (!text.contains("JOB_COMPLETION_INDEX") || !text.contains("--shard")) {
                    problems.add(file + ": the shard does not come from JOB_COMPLETION_INDEX");
                }
                if (!text.contains("name=SHARDS, value=" + completions)) {
                    problems.add(file + ": SHARDS is not the Job's completions (" + completions + ")");
                }
            }
        }
        return problems;
    }

    private static Map<String, Object> manifest(String name) throws IOException {
        return map(new Yaml().load(read("kubernetes/" + name)), name);
    }

    @Test
    void theKubernetesManifestsAreCompleteAndAgree() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("results-volume.yaml", "shards-job.yaml", "merge-job.yaml")) {
            problems.addAll(manifestProblems(manifest(name), name));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        String claim = String.valueOf(map(manifest("results-volume.yaml").get("metadata"), "pvc").get("name"));
        for (String job : List.of("shards-job.yaml", "merge-job.yaml")) {
            assertTrue(read("kubernetes/" + job).contains("claimName: " + claim), job + " does not mount " + claim);
        }
        assertEquals("Indexed", map(manifest("shards-job.yaml").get("spec"), "spec").get("completionMode"));
        String merge = read("kubernetes/merge-job.yaml");
        assertTrue(merge.contains("./inferbench merge") && merge.contains("./inferbench gate")
                && merge.contains("--site"), merge);
    }

    @Test
    void theChecksCatchABrokenJob() throws IOException {
        String broken = read("kubernetes/shards-job.yaml").replace("parallelism: 3", "parallelism: 1")
                .replace("limits: { cpu: \"2\", memory: 8Gi }", "limits: { cpu: 1500m, memory: 8Gi }")
                .replace("restartPolicy: Never", "restartPolicy: Always").replace("value: \"3\"", "value: \"4\"");
        List<String> problems = manifestProblems(map(new Yaml().load(broken), "broken"), "broken");
        assertEquals(5, problems.size(), String.join("\n", problems));
    }

    @Test
    void theShardedWorkflowHasOneMatrixJobPerShardAndAMergeThatGates() throws IOException {
        String text = read("github-actions-sharded.yml");
        Map<String, Object> workflow = map(new Yaml().load(text), "workflow");
        Map<String, Object> jobs = map(workflow.get("jobs"), "jobs");
        Map<String, Object> shard = map(jobs.get("shard"), "shard job");
        List<Object> shards = list(map(map(shard.get("strategy"), "strategy").get("matrix"), "matrix").get("shard"),
                "matrix.shard");
        assertEquals(String.valueOf(shards.size()), String.valueOf(map(workflow.get("env"), "env").get("SHARDS")));
        Map<String, Object> merge = map(jobs.get("merge"), "merge job");
        assertEquals("shard", merge.get("needs"));
        assertTrue(String.valueOf(merge.get("steps")).contains("actions/download-artifact"), "no download of shards");
        List<String> problems = new ArrayList<>(CiTemplatesTest.unknownCommandsAndOptions("github-actions-sharded.yml",
                text));
        problems.addAll(CiTemplatesTest.unknownCommandsAndOptions("merge-job.yaml", read("kubernetes/merge-job.yaml")));
        problems.addAll(CiTemplatesTest.unknownCommandsAndOptions("shards-job.yaml", read("kubernetes/shards-job.yaml")));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(CiTemplatesTest.invocations(text).isEmpty());
    }
}
