package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.BackendProbe.ModelQuery;
import io.inferbench.run.backends.BackendProbe.ModelShape;
import io.inferbench.run.backends.Backends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of a probe child JVM: {@code java -cp CORE:ADAPTER io.inferbench.run.ProbeMain REQUEST.json}
 * (see {@link ProbeRequest}). Reads backend info, opens models to read their inputs and outputs,
 * converts a model, or does an optimization step's runtime work ({@link OptimizationTasks}), in a JVM whose class path holds one adapter, so the parent never loads an
 * adapter's native libraries. Writes a {@link ProbeReply}; exit status 0 when it did.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        System.setOut(System.err);
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH " + ProbeMain.class.getName() + " REQUEST.json");
            System.exit(ForkMain.EXIT_USAGE);
        }
        System.exit(LargeStack.run("inferbench-probe", () -> run(Path.of(args[0]))));
    }

    static int run(Path requestFile) {
        System.err.println("inferbench probe: pid " + ProcessHandle.current().pid() + ", java " + Runtime.version());
        try {
            ProbeRequest request = ProbeRequest.read(requestFile);
            Backends backends = Backends.discover();
            backends.problems().forEach(p -> System.err.println("warning: " + p));
            Map<String, BackendProvider> providers = backends.byName();
            Map<String, BackendInfo> info = new LinkedHashMap<>();
            for (String name : request.info()) {
                BackendProvider p = providers.get(name);
                if (p != null) {
                    info.put(name, p.info());
                }
            }
            List<ProbeReply.Described> described = new ArrayList<>();
            for (ModelQuery q : request.describe()) {
                BackendProvider p = providers.get(q.backend());
                described.add(new ProbeReply.Described(q, p == null
                        ? ModelShape.failed("backend '" + q.backend() + "' is not on this JVM's class path")
                        : BackendProbe.describeHere(p, q)));
            }
            ProbeReply reply = request.conversion() == null ? new ProbeReply(info, described, null, null, false)
                    : convert(request.conversion(), backends, info, described);
            reply = OptimizationTasks.perform(request, providers, reply);
            reply.write(request.replyFile());
            return 0;
        } catch (Exception | Error e) {
            System.err.println("inferbench probe: " + e);
            e.printStackTrace();
            return ForkMain.EXIT_HARNESS_ERROR;
        }
    }

    private static ProbeReply convert(ProbeRequest.Conversion c, Backends backends, Map<String, BackendInfo> info,
                                      List<ProbeReply.Described> described) {
        ModelConverter converter = backends.converters().stream().map(Backends.InstalledConverter::converter)
                .filter(x -> x.name().equals(c.converter())).findFirst().orElse(null);
        if (converter == null) {
            return new ProbeReply(info, described, null, "converter '" + c.converter()
                    + "' is not on this JVM's class path", false);
        }
        try {
            ModelConverter.Conversion r = converter.convert(c.source(), c.target());
            return new ProbeReply(info, described, new ProbeReply.Converted(r.target(), r.operators(), r.notes()),
                    null, false);
        } catch (UnsupportedModelException e) {
            return new ProbeReply(info, described, null, e.getMessage(), true);
        } catch (BackendException | RuntimeException e) {
            return new ProbeReply(info, described, null, e.getMessage() == null ? e.toString() : e.getMessage(),
                    false);
        }
    }
}
