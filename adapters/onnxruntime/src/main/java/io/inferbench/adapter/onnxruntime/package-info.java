/**
 * The ONNX Runtime adapter: runs {@code .onnx} models through {@code ai.onnxruntime}.
 *
 * <p>Entry point is {@link io.inferbench.adapter.onnxruntime.OrtBackendProvider}, registered for
 * {@link java.util.ServiceLoader}. Everything else is package private:
 * <ul>
 *   <li>{@code OrtNatives} places the native libraries in the InferBench cache, once per machine;</li>
 *   <li>{@code OrtRuntime} loads them, once per JVM, and holds the shared {@code OrtEnvironment};</li>
 *   <li>{@code OrtOptions} turns scenario options into {@code SessionOptions};</li>
 *   <li>{@code OrtModelSession} is a loaded model, {@code OrtRunner} runs it for one worker thread,
 *       {@code OrtInputs} converts host tensors, {@code OrtTypes} describes tensors;</li>
 *   <li>{@code OrtErrors} turns ONNX Runtime errors into one-line {@code BackendException}s;</li>
 *   <li>{@code OrtDevices} describes the GPUs for {@code info()}.</li>
 * </ul>
 *
 * <p>The lifecycle, input checks, element-type table, options and error lines shared with the other
 * adapters come from {@code io.inferbench.adapter.support}, whose jar ships in this adapter's folder.
 *
 * <p>GPU support needs the {@code gpu} Maven profile, which swaps the CPU-only
 * {@code com.microsoft.onnxruntime:onnxruntime} artifact for {@code onnxruntime_gpu}.
 */
package io.inferbench.adapter.onnxruntime;
