package io.inferbench.scenario;

import java.util.Optional;

/**
 * {@code groupId:artifactId:version[:classifier]} of a jar.
 */
public record MavenCoordinates(String groupId, String artifactId, String version, String classifier) {

    /** Parses {@code g:a:v} or {@code g:a:v:classifier}; empty when the text has another shape. */
    public static Optional<MavenCoordinates> parse(String text) {
        String[] p = text.trim().split(":", -1);
        if (p.length < 3 || p.length > 4) {
            return Optional.empty();
        }
        for (String s : p) {
            if (s.isBlank() || !s.matches("[A-Za-z0-9_.\\-]+")) {
                return Optional.empty();
            }
        }
        return Optional.of(new MavenCoordinates(p[0], p[1], p[2], p.length == 4 ? p[3] : null));
    }

    /** The jar's file name in a Maven repository. */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + (classifier == null ? "" : ":" + classifier);
    }
}
