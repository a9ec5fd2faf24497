package io.inferbench.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes strings as {@link ResultJson}'s reader can read them back: one longer than
 * {@link ResultJson#MAX_STRING_LENGTH} (a huge scenario text, a backend's endless error) is cut,
 * with a note saying how long it was, rather than written into a result no tool can open.
 */
final class BoundedStrings extends StdSerializer<String> {
    BoundedStrings() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(bounded(value, ResultJson.MAX_STRING_LENGTH));
    }

    /** {@code value}, or its start and a note when it is longer than {@code max}. */
    static String bounded(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        String note = " … [truncated: " + value.length() + " characters, more than the " + max
                + " a result holds]";
        int keep = max - note.length();
        // Do not split a surrogate pair.
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + note;
    }
}
