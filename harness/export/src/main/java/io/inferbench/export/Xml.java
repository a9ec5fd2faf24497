package io.inferbench.export;

/** Text that XML 1.0 can carry. */
final class Xml {
    private Xml() {
    }

    /**
     * {@code s} without the characters XML 1.0 forbids (most control characters, e.g. the ANSI escapes of a
     * crashed fork's stderr), which a parser would refuse even as character references.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            b.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return b.toString();
    }
}
