package io.inferbench.env;

import java.util.Optional;

/** Pure parsing of {@code /etc/os-release} text (shell-style {@code KEY=value} lines). */
public final class OsRelease {
    private OsRelease() {
    }

    /**
     * The {@code PRETTY_NAME}, e.g. {@code Debian GNU/Linux 12 (bookworm)}.
     *
     * @param osRelease contents of {@code /etc/os-release}; may be null
     * @return the unquoted value; empty when absent or blank
     */
    public static Optional<String> prettyName(String osRelease) {
        return value(osRelease, "PRETTY_NAME");
    }

    /**
     * The value of {@code key}, with shell quoting and backslash escapes removed.
     *
     * @param osRelease contents of {@code /etc/os-release}; may be null
     * @param key       variable name
     * @return the value; empty when absent or blank
     */
    public static Optional<String> value(String osRelease, String key) {
        if (osRelease == null) {
            return Optional.empty();
        }
        String prefix = key + "=";
        String found = null;
        for (String line : osRelease.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(prefix)) {
                found = unquote(trimmed.substring(prefix.length()));  // the last assignment wins, as in a shell
            }
        }
        return found == null || found.isBlank() ? Optional.empty() : Optional.of(found.strip());
    }

    private static String unquote(String raw) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '"') {
                quote = quote == '"' ? 0 : '"';
            } else if (c == '\'' && quote == 0) {
                quote = '\'';
            } else if (c == '#' && quote == 0 && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
