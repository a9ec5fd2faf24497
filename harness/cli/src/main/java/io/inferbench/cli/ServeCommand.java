package io.inferbench.cli;

import io.inferbench.api.BackendProvider;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.backends.Backends;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ServeSettings;
import io.inferbench.serve.ServedModel;
import io.inferbench.serve.ServedModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench serve SCENARIO}: one configuration's model behind the Open Inference Protocol v2
 * (HTTP and gRPC) until SIGTERM or Ctrl-C, which shut it down gracefully.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves one configuration's model (loaded as a run loads it, on any installed in-process "
                + "backend) over the Open Inference Protocol v2: HTTP (health, metadata, infer with JSON or binary "
                + "tensors, Triton's statistics at /v2/models/NAME/stats, and TensorFlow Serving's /v1 REST routes) "
                + "and gRPC (inference.GRPCInferenceService). Runs until SIGTERM or Ctrl-C, then finishes the queued "
                + "requests and stops.",
                "Point a scenario's kserve-v2-http, kserve-v2-grpc or tfserving-rest backend at it (see "
                        + "scenarios/11-served-vs-in-process.yaml and docs/serving.md)."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--config", paramLabel = "ID", description = "the configuration to serve (e.g. c01; default: the first)")
    String config;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeSettings.LOOPBACK,
            description = "address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 serves every interface)")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8000", description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--grpc-port", paramLabel = "G", defaultValue = "8001",
            description = "gRPC port (default: ${DEFAULT-VALUE}; 0: any free port; -1: no gRPC)")
    int grpcPort;

    @Option(names = "--model-name", paramLabel = "NAME", description = "the model's name in the URLs (default: the scenario's model.name)")
    String modelName;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "inferences run at once, each on its own runner (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "64",
            description = "requests that may wait for a worker; more are answered 503 (default: ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "67108864",
            description = "largest request body or gRPC message; larger is answered 413 (default: ${DEFAULT-VALUE})")
    int maxRequestBytes;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServeSettings settings;
        try {
            settings = new ServeSettings(host, port, grpcPort, workers, queue, maxRequestBytes);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Backends backends = Backends.discover();
        var loaded = ScenarioLoader.load(scenario, backends, ScenarioLoader.probe(backends, true), out,
                spec.commandLine().getErr());
        PreparedConfiguration pc = select(loaded.configurations());
        if (pc.notRunnable() != null) {
            throw new BadInputException(pc.spec().id() + " cannot be served: " + pc.notRunnable().reason());
        }
        BackendProvider provider = backends.byName().get(pc.spec().backend().name());
        out.println("inferbench serve: loading " + pc.spec().id() + " (" + pc.spec().label() + ") on "
                + provider.name() + " ...");
        out.flush();
        ServedModel model;
        try {
            model = ServedModels.open(provider, pc, modelName);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        InferenceServer server;
        try {
            server = InferenceServer.start(model, settings);
        } catch (Exception e) {
            model.session().close();
            throw new BadInputException("cannot serve on " + host + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // SIGTERM / Ctrl-C: queued requests finish first
            model.session().close();
        }, "inferbench-serve-shutdown"));
        out.println("serving model '" + model.name() + "' (version " + model.version() + ", " + model.inputs().size()
                + " inputs, " + model.outputs().size() + " outputs)");
        out.println("  HTTP  http://" + host + ":" + server.httpPort() + "/v2/models/" + model.name());
        if (server.grpcPort() >= 0) {
            out.println("  gRPC  " + host + ":" + server.grpcPort() + " (inference.GRPCInferenceService)");
        }
        out.println("Ctrl-C or SIGTERM stops it.");
        out.flush();
        server.awaitStopped();
        return Main.OK;
    }

    private PreparedConfiguration select(List<PreparedConfiguration> all) throws BadInputException {
        if (all.isEmpty()) {
            throw new BadInputException(scenario + " has no configuration to serve");
        }
        if (config == null || config.isBlank()) {
            return all.get(0);
        }
        return all.stream().filter(pc -> pc.spec().id().equals(config.strip())).findFirst().orElseThrow(() ->
                new BadInputException("--config: no configuration '" + config + "' in " + scenario + "; it has "
                        + String.join(", ", all.stream().map(pc -> pc.spec().id()).toList())));
    }
}
