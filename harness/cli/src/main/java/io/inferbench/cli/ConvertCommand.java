package io.inferbench.cli;

import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.run.ChildProbe;
import io.inferbench.run.ProbeReply;
import io.inferbench.run.ProbeRequest;
import io.inferbench.run.backends.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench convert MODEL.onnx --to savedmodel OUT}: converts a model with an installed converter. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts a model to another format with an installed converter (ONNX to a TensorFlow "
                + "SavedModel: the TensorFlow adapter's converter). Unsupported operators are listed, each with "
                + "its first node."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the model to convert (e.g. model.onnx)")
    Path model;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "target format: savedmodel")
    String to;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file or folder (must not exist)")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) {
            throw new BadInputException("model file not found: " + model);
        }
        if (Files.exists(out)) {
            throw new BadInputException("output already exists: " + out + " (choose a new path)");
        }
        ModelFormat target = switch (to.toLowerCase(Locale.ROOT)) {
            case "savedmodel", "saved_model", "saved-model" -> ModelFormat.SAVED_MODEL;
            default -> throw new BadInputException("--to: unknown format '" + to + "'; expected savedmodel");
        };
        ModelFormat source = model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")
                ? ModelFormat.ONNX : null;
        if (source == null) {
            throw new BadInputException("cannot tell the format of " + model + " (expected a .onnx file)");
        }
        List<String> installed = new ArrayList<>();
        Backends backends = Backends.discover();
        for (Backends.InstalledConverter c : backends.converters()) {
            installed.add(c.converter().name());
            if (c.converter().from() == source && c.converter().to() == target) {
                return convert(backends, c);
            }
        }
        throw new BadInputException("no installed converter from " + source.name().toLowerCase(Locale.ROOT) + " to "
                + target.name().toLowerCase(Locale.ROOT) + (installed.isEmpty() ? "" : "; installed: " + installed));
    }

    /**
     * Converts in a child JVM with the converter's adapter on its class path, as {@code run} does:
     * a converter may load native libraries (TensorFlow's) that must not meet another adapter's.
     */
    private int convert(Backends backends, Backends.InstalledConverter installed) throws Exception {
        ModelConverter c = installed.converter();
        var stdout = spec.commandLine().getOut();
        stdout.println("converting " + model + " with " + c.name() + " v" + c.version() + "...");
        stdout.flush();
        long t0 = System.nanoTime();
        ProbeReply reply = new ChildProbe(backends).convert(installed, new ProbeRequest.Conversion(c.name(),
                model.toAbsolutePath(), out.toAbsolutePath()));
        if (reply.conversion() == null) {
            if (reply.conversionUnsupported()) {
                throw new BadInputException(reply.conversionError());
            }
            spec.commandLine().getErr().println("inferbench: conversion failed: " + reply.conversionError());
            return Main.CONFIGURATION_FAILED;
        }
        stdout.printf("wrote %s in %.1f s%n", reply.conversion().target(), (System.nanoTime() - t0) / 1e9);
        stdout.println("operators: " + String.join(", ", reply.conversion().operators()));
        reply.conversion().notes().forEach(n -> stdout.println("note: " + n));
        stdout.flush();
        return Main.OK;
    }
}
