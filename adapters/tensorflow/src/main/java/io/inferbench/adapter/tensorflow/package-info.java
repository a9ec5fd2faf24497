/**
 * The TensorFlow adapter: runs SavedModels, frozen GraphDefs and (converted) ONNX models through
 * TensorFlow Java ({@code org.tensorflow:tensorflow-core-api}).
 *
 * <p>Entry point is {@link io.inferbench.adapter.tensorflow.TfBackendProvider}, registered for
 * {@link java.util.ServiceLoader}. Everything else is package private:
 * <ul>
 *   <li>{@code TfNatives} points JavaCPP's natives cache into the InferBench cache, once per JVM;</li>
 *   <li>{@code TfRuntime} loads TensorFlow, once per JVM, and lists its devices;</li>
 *   <li>{@code TfOptions} turns scenario options into a {@code ConfigProto} (threads, XLA, grappler,
 *       soft placement, device) and reports oneDNN, which only the environment can set;</li>
 *   <li>{@code TfModels} loads SavedModels (by signature) and frozen GraphDefs and finds their
 *       inputs and outputs; {@code TfConversion} converts ONNX files with the {@code convert}
 *       package's converter, once, into the cache;</li>
 *   <li>{@code TfModelSession} is a loaded model, {@code TfRunner} runs it for one worker thread,
 *       {@code TfInputs} checks and converts host tensors, {@code TfTypes} maps element types;</li>
 *   <li>{@code TfErrors} turns TensorFlow errors into one-line {@code BackendException}s;</li>
 *   <li>{@code TfDevices} describes the GPUs for {@code info()}.</li>
 * </ul>
 *
 * <p>The lifecycle, input checks, element-type tables, options and error lines shared with the other
 * adapters come from {@code io.inferbench.adapter.support}, whose jar ships in this adapter's folder;
 * the conversion cache is the API's {@code ConversionCache}.
 *
 * <p>GPU support needs the {@code gpu} Maven profile, which swaps the natives' classifier
 * {@code linux-x86_64} for {@code linux-x86_64-gpu}.
 */
package io.inferbench.adapter.tensorflow;
