package io.inferbench.input;

import java.util.Locale;

/** What fills an input tensor when the scenario feeds real text. */
enum InputRole {
    TOKEN_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS, RANDOM;

    /** The role of an input by the names HuggingFace exports use. */
    static InputRole of(String inputName) {
        String n = inputName.toLowerCase(Locale.ROOT);
        if (n.equals("input_ids") || n.endsWith("input_ids")) {
            return TOKEN_IDS;
        }
        if (n.contains("attention_mask")) {
            return ATTENTION_MASK;
        }
        if (n.contains("token_type_ids")) {
            return TOKEN_TYPE_IDS;
        }
        return RANDOM;
    }
}
