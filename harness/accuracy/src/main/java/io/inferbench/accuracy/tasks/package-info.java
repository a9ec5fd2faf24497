/**
 * The built-in accuracy tasks: an embedding probe for text encoders, PaddleOCR text-line
 * orientation and CTC recognition on lines rendered with Java2D, and generic classification.
 */
package io.inferbench.accuracy.tasks;
