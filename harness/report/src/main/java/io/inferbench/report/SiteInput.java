package io.inferbench.report;

import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run for the site: its result and its gate state, each with the {@link #contentDigest} of the
 * bytes it came from. The digests let an incremental build skip runs whose files did not change: the
 * result is parsed only when {@link #run()} is called, which the builder does only for runs that are
 * new, changed, or on a page that must be rendered again.
 *
 * <p>Thread-safe: the result is parsed at most once.
 */
public final class SiteInput {
    /** The standalone report {@code inferbench run} writes beside {@code result.json}. */
    static final String REPORT_FILE = "report.html";
    private final String key;
    private String resultDigest;
    private String gateDigest;
    private final String resultStamp;
    private final String gateStamp;
    private final Path resultFile;
    private final Path gateFile;
    private RunResult run;
    private RunResult comparable;
    private SiteGate gate;

    private SiteInput(String key, String resultStamp, String gateStamp, Path resultFile, Path gateFile,
                      RunResult run, SiteGate gate) {
        this.key = Objects.requireNonNull(key, "key");
        this.resultStamp = resultStamp;
        this.gateStamp = gateStamp;
        this.resultFile = resultFile;
        this.gateFile = gateFile;
        this.run = run;
        this.gate = gate;
    }

    /**
     * A run held in memory, with its gate record when it has one. It has no digest, so an
     * incremental build always renders its pages.
     */
    public static SiteInput of(RunResult run, Optional<GateRecord> gate) {
        return of(run, gate.<SiteGate>map(SiteGate.Gated::new).orElse(SiteGate.NOT_GATED));
    }

    /** A run held in memory with a gate state (e.g. {@link SiteGate.Unreadable}). */
    public static SiteInput of(RunResult run, SiteGate gate) {
        Objects.requireNonNull(run, "run");
        return new SiteInput("memory:" + System.identityHashCode(run) + ":" + run.runId(), null, null, null, null, run,
                Objects.requireNonNull(gate, "gate"));
    }

    /**
     * The run stored in {@code resultJson}, with the {@code gate.json} beside it when present. Reads
     * only the files' sizes and modification times; the digests are computed when asked for, unless
     * the builder finds both stamps unchanged since its last build (as make and git do).
     *
     * @throws IOException when the result cannot be read
     */
    public static SiteInput read(Path resultJson) throws IOException {
        Path result = resultJson.toAbsolutePath().normalize();
        Path gate = result.resolveSibling(GateRecordJson.FILE);
        return new SiteInput(result.toString(), stamp(result), Files.isRegularFile(gate) ? stamp(gate) : "none",
                result, gate, null, null);
    }

    /** Size and modification time (nanoseconds where the file system keeps them), e.g. {@code 466423 @ 1733...}. */
    private static String stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException("not a file: " + file);
        }
        return a.size() + " @ " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** The result file's size and modification time, or null for a run held in memory. */
    String resultStamp() {
        return resultStamp;
    }

    /** {@code gate.json}'s size and modification time, {@code none} without one, null for a run held in memory. */
    String gateStamp() {
        return gateStamp;
    }

    /** Takes the digests an earlier build computed for files whose stamps have not changed since. */
    synchronized void trust(String resultDigest, String gateDigest) {
        this.resultDigest = resultDigest;
        this.gateDigest = gateDigest;
    }

    /** What identifies this input between builds: the result file's absolute path (or a memory id). */
    public String key() {
        return key;
    }

    /**
     * {@link #contentDigest} of the result's bytes (read on first call, unless {@link #run()} read
     * them first), or null for a run held in memory.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public synchronized String resultDigest() {
        if (resultDigest == null && resultFile != null) {
            resultDigest = digestOf(resultFile);
        }
        return resultDigest;
    }

    /** {@link #contentDigest} of {@code gate.json}'s bytes; {@code none} when there is none, null for a run held in memory. */
    public synchronized String gateDigest() {
        if (resultFile == null) {
            return null;
        }
        if (gateDigest == null) {
            gateDigest = Files.isRegularFile(gateFile) ? digestOf(gateFile) : "none";
        }
        return gateDigest;
    }

    private static String digestOf(Path file) {
        try {
            return contentDigest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The {@code report.html} beside the result when it carries {@code stamp} (rendered from these
     * result bytes, with these templates, by this renderer version): the site's run page is made
     * from it instead of rendering the report again. Null when there is none, it is stale or
     * unreadable, or the run is held in memory.
     */
    byte[] currentReport(String stamp) {
        if (resultFile == null) {
            return null;
        }
        Path report = resultFile.resolveSibling(REPORT_FILE);
        try {
            if (!Files.isRegularFile(report)) {
                return null;
            }
            byte[] html = Files.readAllBytes(report);
            // Attribute values are quoted; text from a result cannot hold a quote unescaped.
            byte[] quoted = ("\"" + stamp + "\"").getBytes(StandardCharsets.UTF_8);
            return ReportRenderer.indexOf(html, quoted, 0) >= 0 ? html : null;
        } catch (IOException e) {
            return null; // unreadable: rendered again
        }
    }

    /** Whether an earlier build's pages of this input can be trusted: it came from files. */
    boolean cacheable() {
        return resultFile != null;
    }

    /**
     * The result, parsed on first call: what rendering its report needs.
     *
     * @throws UnreadableResultException naming the file when it is not a readable result
     */
    public synchronized RunResult run() throws IOException {
        if (run == null) {
            run = parse(true);
        }
        return run;
    }

    /**
     * The result without its timelines (figures and latency histograms kept), parsed on first call:
     * what the site's summaries and comparisons need, a third less to parse than {@link #run()},
     * which a site needs only for a report it must render again.
     *
     * @throws UnreadableResultException naming the file when it is not a readable result
     */
    public synchronized RunResult comparable() throws IOException {
        if (run != null) {
            return run;
        }
        if (comparable == null) {
            comparable = parse(false);
        }
        return comparable;
    }

    private RunResult parse(boolean whole) throws IOException {
        try {
            // Read once: the digest, when not known yet, comes from the same bytes.
            byte[] bytes = ResultJson.bytes(resultFile);
            RunResult parsed = whole ? ResultJson.read(bytes, resultFile)
                    : ResultJson.readWithoutTimelines(bytes, resultFile);
            if (resultDigest == null) {
                resultDigest = contentDigest(bytes);
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableResultException("cannot read " + resultFile + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    /** The gate state, read on first call; a corrupt {@code gate.json} is {@link SiteGate.Unreadable}. */
    public synchronized SiteGate gate() {
        if (gate == null) {
            gate = SiteGate.read(gateFile);
        }
        return gate;
    }

    /** Drops the parsed result (it is parsed again if needed), so a large site need not hold every run. */
    synchronized void release() {
        if (resultFile != null) {
            run = null;
            comparable = null;
        }
    }

    /** A result file that is missing, corrupt or not a result: bad input, named in the message. */
    public static final class UnreadableResultException extends IOException {
        UnreadableResultException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What identifies a file's content between builds: its length and two CRCs of it, CRC-32 and
     * CRC-32C (e.g. {@code crc64:478658:1c291ca3e0a5b71f}). This is change detection, not a defence:
     * the two polynomials are coprime, so an edit goes unseen only when its error polynomial is a
     * multiple of their product, a degree-64 polynomial, as with a CRC-64. Both CRCs are intrinsics
     * in every JIT tier (gigabytes per second), where SHA-256 is not in the C1-only JVM that builds a
     * site: digesting a year of results took 2 s of the build's CPU with SHA-256, 10 ms with these.
     */
    static String contentDigest(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        crcC.update(bytes);
        return String.format(java.util.Locale.ROOT, "crc64:%d:%08x%08x", bytes.length, crc.getValue(),
                crcC.getValue());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
