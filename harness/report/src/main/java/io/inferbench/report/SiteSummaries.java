package io.inferbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site's summaries of its inputs ({@link SiteRun}): taken from the manifest of the last build
 * for files that did not change, parsed for the others; and the manifest entries that keep them
 * for the next build.
 */
final class SiteSummaries {
    private SiteSummaries() {
    }

    /**
     * Each input's summary, from the manifest when its files are unchanged, else parsed. A result
     * that cannot be read is put in {@code unreadable} (by index, with its one-line reason) and has
     * no summary.
     */
    static List<SiteRun> of(List<SiteInput> inputs, Map<String, SiteManifest.Entry> known, int[] parsed,
                            Map<Integer, String> unreadable) throws IOException {
        SiteRun[] out = new SiteRun[inputs.size()];
        List<Integer> toParse = new ArrayList<>();
        List<Integer> toCheck = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SiteInput in = inputs.get(i);
            SiteManifest.Entry e = in.cacheable() ? known.get(in.key()) : null;
            if (e != null && in.resultStamp().equals(e.resultStamp()) && in.gateStamp().equals(e.gateStamp())) {
                in.trust(e.resultDigest(), e.gateDigest()); // files untouched since they were digested
                out[i] = e.run();
            } else {
                toCheck.add(i);
            }
        }
        // Touched or new files: digest them (in parallel); parse those whose bytes changed.
        toCheck.parallelStream().forEach(i -> {
            SiteInput in = inputs.get(i);
            SiteManifest.Entry e = in.cacheable() ? known.get(in.key()) : null;
            if (e != null && Objects.equals(e.resultDigest(), in.resultDigest())
                    && Objects.equals(e.gateDigest(), in.gateDigest())) {
                out[i] = e.run();
            }
        });
        toCheck.stream().filter(i -> out[i] == null).forEach(toParse::add);
        toParse.parallelStream().forEach(i -> {
            try {
                out[i] = SiteRun.of(inputs.get(i).comparable(), inputs.get(i).gate());
            } catch (IOException | RuntimeException e) {
                unreadable.put(i, String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable result"));
            }
        });
        parsed[0] = toParse.size() - unreadable.size();
        return java.util.Arrays.asList(out);
    }

    /** The manifest entries of the inputs read from files, with their summaries. */
    static List<SiteManifest.Entry> entries(List<SiteInput> inputs, List<SiteRun> summaries) {
        List<SiteManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SiteInput in = inputs.get(i);
            if (in.cacheable()) {
                entries.add(new SiteManifest.Entry(in.key(), in.resultDigest(), in.gateDigest(), in.resultStamp(),
                        in.gateStamp(), summaries.get(i)));
            }
        }
        return entries;
    }
}
