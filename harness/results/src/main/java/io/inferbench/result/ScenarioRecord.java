package io.inferbench.result;

/**
 * The scenario file that produced a run.
 *
 * @param file        path as given on the command line
 * @param name        scenario name
 * @param description free text from the file
 * @param sha256      hash of the file's bytes
 * @param source      the file's text, verbatim, so a run can be reproduced from its result
 */
public record ScenarioRecord(String file, String name, String description, String sha256, String source) {
}
