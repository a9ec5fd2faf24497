package io.inferbench.compare;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers with units for reasons and summaries: three significant digits, no trailing zeros. */
final class Units {
    private Units() {
    }

    static String ms(double ms) {
        return number(ms) + " ms";
    }

    static String perSecond(double rate) {
        return number(rate) + "/s";
    }

    static String points(double points) {
        return number(points) + (Math.abs(points) == 1 ? " point" : " points");
    }

    static String percent(double percent) {
        return number(percent) + "%";
    }

    /** Decimal units (kB, MB, GB), as memory limits are usually written. */
    static String bytes(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (Math.abs(bytes) >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return number(bytes) + " " + units[u];
    }

    /** Three significant digits (all digits of integers), without exponent or trailing zeros. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        BigDecimal d = new BigDecimal(x).round(Math.abs(x) >= 1000 ? new MathContext(
                (int) Math.floor(Math.log10(Math.abs(x))) + 1) : new MathContext(3));
        return d.stripTrailingZeros().toPlainString();
    }
}
