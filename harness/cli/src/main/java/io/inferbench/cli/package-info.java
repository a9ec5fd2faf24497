/** The {@code inferbench} command line (picocli). Exit codes: 0 success, 1 a configuration failed, 2 bad input. */
package io.inferbench.cli;
