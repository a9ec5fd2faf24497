/**
 * Input samples: random tensors (seeded) or real text through the model's own tokenizer, shaped
 * to the model's declared inputs and built before any timing starts.
 */
package io.inferbench.input;
