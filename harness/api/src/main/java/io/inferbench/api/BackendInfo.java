package io.inferbench.api;

import java.util.List;
import java.util.Map;

/**
 * What an installed backend reports about itself, for {@code inferbench backends} and results.
 *
 * @param name             provider name, as in scenario files
 * @param displayName      human name, e.g. {@code ONNX Runtime}
 * @param version          version of the underlying library
 * @param libraryVersions  versions of every native or Java library that matters
 * @param devices          devices this backend can see, available or not
 * @param executionProviders execution providers / engines it can use (may be empty)
 * @param notes            anything the user should know (missing natives, fallbacks)
 */
public record BackendInfo(String name, String displayName, String version, Map<String, String> libraryVersions,
                          List<DeviceInfo> devices, List<String> executionProviders, List<String> notes) {
    public BackendInfo {
        libraryVersions = Map.copyOf(libraryVersions);
        devices = List.copyOf(devices);
        executionProviders = List.copyOf(executionProviders);
        notes = List.copyOf(notes);
    }
}
