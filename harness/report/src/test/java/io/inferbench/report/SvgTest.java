package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SvgTest {
    @Test
    void escapesTextAndAttributeValues() {
        Svg svg = new Svg(100, 50, "chart", "a <b> & \"c\" 'd'");
        svg.element("text", "</text><script>alert(1)</script>", "x", 1.5, "data-label", "\"><script>");
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" class=\"chart\" role=\"img\" "
                + "aria-label=\"a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;\">"
                + "<title>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;</title>"
                + "<text x=\"1.5\" data-label=\"&quot;&gt;&lt;script&gt;\">"
                + "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>", svg.finish());
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        Svg svg = new Svg(10, 10, "c", "l");
        assertThrows(IllegalArgumentException.class, () -> svg.empty("script><x", "a", 1));
        assertThrows(IllegalArgumentException.class, () -> svg.empty("rect", "onload=\"x\" y", 1));
        assertThrows(IllegalArgumentException.class, () -> svg.empty("rect", "x"));
    }

    @Test
    void leavesOutNullAttributesAndFormatsNumbersCompactly() {
        Svg svg = new Svg(10, 10, "c", "l");
        svg.empty("line", "x1", 1.0, "x2", 2.345, "y1", -0.001, "stroke-dasharray", null);
        assertEquals("<line x1=\"1\" x2=\"2.35\" y1=\"0\"/>", svg.finish().replaceAll("^.*</title>|</svg>$", ""));
        assertThrows(IllegalArgumentException.class, () -> Svg.num(Double.NaN));
    }

    @Test
    void replacesControlCharactersThatXmlForbids() {
        assertEquals("a b\nc", Svg.escape("a\u0000b\nc"));
    }

    @Test
    void refusesToFinishWithOpenElements() {
        Svg svg = new Svg(10, 10, "c", "l");
        svg.open("g");
        assertThrows(IllegalStateException.class, svg::finish);
    }
}
