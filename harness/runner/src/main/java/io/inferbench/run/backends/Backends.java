package io.inferbench.run.backends;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The installed backends and model converters, found with {@link ServiceLoader}.
 *
 * <p>Two layouts. <b>Adapter folders</b> ({@value #ADAPTERS_PROPERTY}, set by the launcher): this JVM
 * holds only the core; each adapter folder gets a class loader of its own (parent: the core's), so
 * adapters that ship classes with the same names (TensorFlow Java and DJL's TensorFlow engine) can
 * be listed side by side, and each child JVM gets the core plus only its configuration's adapter
 * ({@link #adapter}). <b>One class path</b> (no folders configured, e.g. Maven tests): everything is
 * found on the given class loader, and children get this JVM's class path.
 */
public final class Backends {
    /** Adapter folders, separated by {@link File#pathSeparator}. */
    public static final String ADAPTERS_PROPERTY = "inferbench.adapters";

    /** A converter and the adapter it comes from (null when it is on the core's class path). */
    public record InstalledConverter(ModelConverter converter, AdapterInstall adapter) {
        public boolean converts(ModelFormat from, List<ModelFormat> accepted) {
            return converter.from() == from && accepted.contains(converter.to());
        }
    }

    private final Map<String, BackendProvider> providers;
    private final Map<String, AdapterInstall> adapters;
    private final List<InstalledConverter> converters;
    private final List<String> problems;

    private Backends(Map<String, BackendProvider> providers, Map<String, AdapterInstall> adapters,
                     List<InstalledConverter> converters, List<String> problems) {
        this.providers = Collections.unmodifiableMap(providers);
        this.adapters = Map.copyOf(adapters);
        this.converters = List.copyOf(converters);
        this.problems = List.copyOf(problems);
    }

    /** From the adapter folders of {@value #ADAPTERS_PROPERTY} if set, else from the class path. */
    public static Backends discover() {
        String dirs = System.getProperty(ADAPTERS_PROPERTY);
        if (dirs != null && !dirs.isBlank()) {
            return fromAdapterFolders(Arrays.stream(dirs.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(Path::of).toList(), Backends.class.getClassLoader());
        }
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Everything visible to {@code loader}, all of it on one class path. */
    public static Backends discover(ClassLoader loader) {
        Map<String, BackendProvider> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<InstalledConverter> converters = new ArrayList<>();
        load(BackendProvider.class, loader, null, problems).forEach(p -> found.putIfAbsent(p.name(), p));
        load(ModelConverter.class, loader, null, problems).forEach(c -> converters.add(new InstalledConverter(c, null)));
        return new Backends(found, Map.of(), converters, problems);
    }

    /**
     * The core's own backends (on {@code core}) and each folder's, every folder in a class loader of
     * its own whose parent is {@code core}.
     */
    public static Backends fromAdapterFolders(List<Path> folders, ClassLoader core) {
        Map<String, BackendProvider> found = new TreeMap<>();
        Map<String, AdapterInstall> adapters = new LinkedHashMap<>();
        List<InstalledConverter> converters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        load(BackendProvider.class, core, null, problems).forEach(p -> found.putIfAbsent(p.name(), p));
        load(ModelConverter.class, core, null, problems).forEach(c -> converters.add(new InstalledConverter(c, null)));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add("adapter folder " + folder + " does not exist");
                continue;
            }
            AdapterInstall adapter;
            URLClassLoader loader;
            try {
                adapter = AdapterInstall.of(folder);
                loader = new URLClassLoader("adapter-" + adapter.name(), urls(adapter), core);
            } catch (IOException e) {
                problems.add("adapter folder " + folder + " cannot be read: " + e.getMessage());
                continue;
            }
            for (BackendProvider p : load(BackendProvider.class, loader, loader, problems)) {
                if (found.putIfAbsent(p.name(), p) == null) {
                    adapters.put(p.name(), adapter);
                } else {
                    problems.add("backend '" + p.name() + "' of " + folder + " ignored: another adapter has that name");
                }
            }
            load(ModelConverter.class, loader, loader, problems)
                    .forEach(c -> converters.add(new InstalledConverter(c, adapter)));
        }
        return new Backends(found, adapters, converters, problems);
    }

    /**
     * The services {@code loader} sees; with {@code only} set, just those defined by that loader
     * (an adapter's loader also sees the core's services through its parent).
     */
    private static <S> List<S> load(Class<S> service, ClassLoader loader, ClassLoader only, List<String> problems) {
        List<S> out = new ArrayList<>();
        var it = ServiceLoader.load(service, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                S s = it.next();
                if (only == null || s.getClass().getClassLoader() == only) {
                    out.add(s);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // One broken adapter must not hide the others.
                problems.add("a " + (service == BackendProvider.class ? "backend" : "converter") + " failed to load: "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static URL[] urls(AdapterInstall adapter) throws MalformedURLException {
        URL[] urls = new URL[adapter.jars().size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = adapter.jars().get(i).toUri().toURL();
        }
        return urls;
    }

    public Map<String, BackendProvider> byName() {
        return providers;
    }

    /**
     * The adapter folder {@code backend} comes from; empty when it is on this JVM's class path (the
     * core's own backends, or everything when no adapter folders are configured).
     */
    public Optional<AdapterInstall> adapter(String backend) {
        return Optional.ofNullable(adapters.get(backend));
    }

    /** True when backends come from adapter folders, each in a class loader of its own. */
    public boolean fromFolders() {
        return !adapters.isEmpty();
    }

    /** Each backend's adapter jars, for the class path of its child JVMs. */
    public Map<String, List<String>> adapterClasspaths() {
        Map<String, List<String>> out = new TreeMap<>();
        adapters.forEach((backend, a) -> out.put(backend, a.classpath()));
        return out;
    }

    /** Every installed converter. */
    public List<InstalledConverter> converters() {
        return converters;
    }

    /** A converter from {@code from} to a format {@code backend} loads, if one is installed. */
    public Optional<InstalledConverter> converterFor(String backend, ModelFormat from) {
        BackendProvider p = providers.get(backend);
        if (p == null || p.formats().contains(from)) {
            return Optional.empty();
        }
        return converters.stream().filter(c -> c.converts(from, p.formats())).findFirst();
    }

    /** Adapters that failed to load, one line each. */
    public List<String> problems() {
        return problems;
    }
}
