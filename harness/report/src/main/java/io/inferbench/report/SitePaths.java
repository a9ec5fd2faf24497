package io.inferbench.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names of a site's generated pages, made from run ids and scenario names that come from
 * result files and so may hold anything ({@code ../}, slashes, quotes, markup). A name keeps only
 * ASCII letters, digits, {@code .}, {@code _} and {@code -}, never starts with a dot, is at most 80
 * characters, and is unique within one instance ({@code -2}, {@code -3} … appended on a clash), so a
 * page can neither escape the site's folder nor overwrite another page.
 *
 * <p>Not thread-safe.
 */
final class SitePaths {
    private static final int MAX = 80;
    private final Set<String> used = new HashSet<>();

    /** A fresh, unique file-name stem for {@code name}. */
    String unique(String name) {
        String base = slug(name);
        String s = base;
        for (int i = 2; !used.add(s.toLowerCase(Locale.ROOT)); i++) {
            s = base + "-" + i;
        }
        return s;
    }

    /** {@code name} reduced to a safe file-name stem; never empty, never {@code .} or {@code ..}. */
    static String slug(String name) {
        StringBuilder b = new StringBuilder();
        String text = name == null ? "" : name;
        for (int i = 0; i < text.length() && b.length() < MAX; i++) {
            char c = text.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
            if (safe && !(c == '.' && (b.length() == 0 || b.charAt(b.length() - 1) == '.'))) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (b.length() > 0 && (b.charAt(b.length() - 1) == '-' || b.charAt(b.length() - 1) == '.')) {
            b.setLength(b.length() - 1);
        }
        return b.length() == 0 ? "unnamed" : b.toString();
    }
}
