package io.inferbench.report;

/**
 * One row of a two-column table in the report (environment, settings, model ...).
 *
 * @param key   the row heading
 * @param value the value as shown
 * @param hint  longer text for a tooltip (e.g. a full hash when the value is shortened), or null
 */
record KeyValue(String key, String value, String hint) {
    /** A row without a tooltip; a null or blank value shows as missing. */
    static KeyValue of(String key, String value) {
        return new KeyValue(key, Formats.text(value), null);
    }
}
