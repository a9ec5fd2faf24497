package io.inferbench.run;

import io.inferbench.api.BackendInfo;
import io.inferbench.run.backends.AdapterInstall;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link BackendProbe} that asks a child JVM per adapter ({@link ProbeMain}), whose class path is
 * the core plus that adapter's jars: the parent never loads an adapter's native libraries, so
 * TensorFlow Java and DJL's TensorFlow engine (same class names, different native builds) never
 * meet. One child answers everything asked of its adapter at once; its info is cached. Backends
 * on the core's own class path (the synthetic one) are asked in this JVM.
 */
public final class ChildProbe implements BackendProbe {
    /** A probe that loads and converts models may take a while; it never runs a benchmark. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Backends backends;
    private final ForkJvm base;
    private final Map<String, BackendInfo> infoCache = new HashMap<>();
    /** Why the last child produced no reply. */
    private String lastFailure;

    /** Children like this JVM ({@link ForkJvm#current()}) plus each adapter's jars. */
    public ChildProbe(Backends backends) {
        this(backends, ForkJvm.current());
    }

    public ChildProbe(Backends backends, ForkJvm base) {
        this.backends = backends;
        this.base = base;
    }

    @Override
    public synchronized BackendInfo info(String backend) {
        BackendInfo cached = infoCache.get(backend);
        if (cached != null) {
            return cached;
        }
        Optional<AdapterInstall> adapter = backends.adapter(backend);
        if (adapter.isEmpty()) {
            BackendInfo here = backends.byName().get(backend).info();
            infoCache.put(backend, here);
            return here;
        }
        ask(adapter.get(), List.of(), null);
        return infoCache.get(backend);
    }

    @Override
    public synchronized Map<ModelQuery, ModelShape> describe(Collection<ModelQuery> queries) {
        Map<ModelQuery, ModelShape> out = new LinkedHashMap<>();
        Map<AdapterInstall, List<ModelQuery>> byAdapter = new LinkedHashMap<>();
        for (ModelQuery q : queries) {
            Optional<AdapterInstall> adapter = backends.adapter(q.backend());
            if (adapter.isEmpty()) {
                out.put(q, BackendProbe.describeHere(backends.byName().get(q.backend()), q));
            } else {
                byAdapter.computeIfAbsent(adapter.get(), a -> new ArrayList<>()).add(q);
            }
        }
        byAdapter.forEach((adapter, qs) -> {
            ProbeReply reply = ask(adapter, qs, null);
            // By position: the child answers in the order asked, and option values do not survive JSON
            // with their Java types (a Long comes back an Integer), so queries would not compare equal.
            for (int i = 0; i < qs.size(); i++) {
                ModelQuery q = qs.get(i);
                out.put(q, reply == null ? ModelShape.failed(lastFailure) : i < reply.described().size()
                        ? reply.described().get(i).shape()
                        : ModelShape.failed("the probe JVM did not describe " + q.model()));
            }
        });
        return out;
    }

    /**
     * Converts {@code request.source()} with {@code converter} in a child JVM with that converter's
     * adapter on its class path (or this JVM's class path for a converter that has no folder).
     *
     * @return the reply (with the conversion or why it failed)
     * @throws IOException when the child produced no reply; the message says why
     */
    public synchronized ProbeReply convert(Backends.InstalledConverter converter, ProbeRequest.Conversion request)
            throws IOException, InterruptedException {
        ProbeReply reply = run(converter.adapter(), new ProbeRequest(List.of(), List.of(), request, null));
        if (reply == null) {
            throw new IOException(lastFailure);
        }
        return reply;
    }

    /**
     * Performs the calibration runs or graph optimization of {@code request} in a child JVM with {@code adapter}'s
     * jars on its class path.
     *
     * @throws IOException when the child produced no reply; the message says why
     */
    public synchronized ProbeReply perform(AdapterInstall adapter, ProbeRequest request)
            throws IOException, InterruptedException {
        ProbeReply reply = run(adapter, request);
        if (reply == null) {
            throw new IOException(lastFailure);
        }
        return reply;
    }

    /** Asks the adapter's child; caches the info of every backend of the adapter. Null when it failed. */
    private ProbeReply ask(AdapterInstall adapter, List<ModelQuery> describe, ProbeRequest.Conversion conversion) {
        List<String> names = backends.byName().keySet().stream()
                .filter(n -> backends.adapter(n).filter(adapter::equals).isPresent()).toList();
        ProbeReply reply;
        try {
            reply = run(adapter, new ProbeRequest(names, describe, conversion, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = null;
            lastFailure = "interrupted";
        } catch (IOException e) {
            reply = null;
            lastFailure = e.getMessage();
        }
        for (String n : names) {
            BackendInfo info = reply == null ? null : reply.info().get(n);
            infoCache.put(n, info != null ? info : unknown(n, lastFailure));
        }
        return reply;
    }

    private static BackendInfo unknown(String backend, String why) {
        return new BackendInfo(backend, backend, "unknown", Map.of(), List.of(), List.of(),
                List.of("could not be probed in a child JVM: " + (why == null ? "no answer" : why)));
    }

    /** Runs one probe child; null (with {@link #lastFailure} set) when it wrote no reply. */
    private ProbeReply run(AdapterInstall adapter, ProbeRequest partial) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("inferbench-probe-");
        Path requestFile = work.resolve("request.json");
        Path replyFile = work.resolve("reply.json");
        partial.replyingTo(replyFile).write(requestFile);
        ForkJvm jvm = adapter == null ? base : base.withAdditionalClasspath(adapter.classpath());
        ForkProcess.Outcome o = ForkProcess.run(jvm, ProbeMain.class.getName(), requestFile, work.resolve("probe"),
                Instant.now().plus(TIMEOUT), e -> { });
        if (o.exitCode() == 0 && !o.timedOut() && o.startError() == null && Files.exists(replyFile)) {
            ProbeReply reply = ProbeReply.read(replyFile);
            deleteQuietly(work);
            return reply;
        }
        lastFailure = "the probe JVM for " + (adapter == null ? "the core" : "adapter " + adapter.name()) + " "
                + ForkFailure.describe("", o, TIMEOUT);
        return null;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }
}
