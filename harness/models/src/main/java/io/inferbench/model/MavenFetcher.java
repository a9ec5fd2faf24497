package io.inferbench.model;

import io.inferbench.scenario.MavenCoordinates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Fetches a jar into the local repository by running Maven, the way users already resolve artifacts. */
public interface MavenFetcher {
    /** Fetches {@code coords} (without dependencies); returns a one-line reason on failure, or null on success. */
    String fetch(MavenCoordinates coords, Path localRepository);

    /** Runs {@code mvn dependency:get}; needs {@code mvn} on the PATH (or {@code $MAVEN_CMD}). */
    MavenFetcher MAVEN_CLI = (coords, repo) -> {
        String mvn = System.getenv().getOrDefault("MAVEN_CMD", "mvn");
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "dependency:get",
                "-Dartifact=" + coords, "-Dtransitive=false", "-Dmaven.repo.local=" + repo));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "mvn dependency:get timed out";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8);
            String reason = text.lines().filter(l -> l.contains("ERROR")).findFirst().orElse(text.strip());
            return reason.replaceAll("\\[ERROR\\]\\s*", "").replaceAll("\u001B\\[[;\\d]*m", "").strip();
        } catch (IOException e) {
            return "cannot run " + mvn + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    };
}
