package io.inferbench.export;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as Jenkins' junit plugin and GitLab's unit-test reports read it: a {@code <testsuites>} with
 * one {@code <testsuite>} per run (named by the scenario) and one {@code <testcase>} per configuration and
 * metric ({@code classname} = scenario.configuration, {@code name} = metric), its figures as
 * {@code <properties>}. A gate regression is a {@code <failure>} whose message carries the figures; a
 * verdict the gate could not reach (new, missing, inconclusive) is {@code <skipped>}; a configuration
 * that failed is one {@code <error>} testcase, one that was skipped one {@code <skipped>} testcase.
 */
final class JunitFormat implements ExportFormat {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        Document doc = newDocument();
        Element suites = doc.createElement("testsuites");
        doc.appendChild(suites);
        Element suite = doc.createElement("testsuite");
        suites.appendChild(suite);
        Counts counts = new Counts();
        suite.appendChild(properties(doc, suiteProperties(run)));
        for (Row row : run.rows()) {
            suite.appendChild(testcase(doc, run.scenario(), row, counts));
        }
        String time = seconds(run.run());
        for (Element e : List.of(suites, suite)) {
            e.setAttribute("name", e == suites ? "inferbench " + run.scenario() : run.scenario());
            e.setAttribute("tests", Integer.toString(counts.tests));
            e.setAttribute("failures", Integer.toString(counts.failures));
            e.setAttribute("errors", Integer.toString(counts.errors));
            e.setAttribute("skipped", Integer.toString(counts.skipped));
            e.setAttribute("time", time);
        }
        if (run.run().startedAt() != null) {
            suite.setAttribute("timestamp", TIMESTAMP.format(run.run().startedAt()));
        }
        if (run.run().environment() != null && run.run().environment().hostname() != null) {
            suite.setAttribute("hostname", Xml.text(run.run().environment().hostname()));
        }
        serialize(doc, out);
    }

    private static Element testcase(Document doc, String scenario, Row row, Counts counts) {
        Element tc = doc.createElement("testcase");
        // Jenkins splits the class name at its last dot into package and class: dots inside labels would split it.
        tc.setAttribute("classname", Xml.text(scenario.replace('.', '_') + "." + row.configuration().replace('.', '_')));
        tc.setAttribute("name", row.notMeasured() ? "measurement" : Xml.text(row.metric()));
        tc.setAttribute("time", "0");
        counts.tests++;
        tc.appendChild(properties(doc, JunitProperties.of(row)));
        if (row.notMeasured()) {
            String reason = row.source().reason() == null ? "" : row.source().reason();
            boolean failed = row.status() == ConfigurationStatus.FAILED;
            Element e = outcome(doc, failed ? "error" : "skipped", failed ? "failed" : "skipped",
                    (failed ? "failed: " : "skipped: ") + firstLine(reason), reason);
            tc.appendChild(e);
            if (failed) {
                counts.errors++;
            } else {
                counts.skipped++;
            }
            return tc;
        }
        GateRecord.Outcome outcome = row.outcome();
        if (outcome == GateRecord.Outcome.REGRESSION) {
            tc.appendChild(outcome(doc, "failure", "regression", JunitProperties.regressionMessage(row),
                    JunitProperties.details(row.verdict())));
            counts.failures++;
        } else if (outcome == GateRecord.Outcome.NEW || outcome == GateRecord.Outcome.MISSING
                || outcome == GateRecord.Outcome.INCONCLUSIVE) {
            tc.appendChild(outcome(doc, "skipped", outcome.label(), JunitProperties.undecidedMessage(row),
                    JunitProperties.details(row.verdict())));
            counts.skipped++;
        }
        return tc;
    }

    private static Element outcome(Document doc, String element, String type, String message, String body) {
        Element e = doc.createElement(element);
        e.setAttribute("type", type);
        e.setAttribute("message", Xml.text(message));
        if (!body.isEmpty()) {
            e.setTextContent(Xml.text(body));
        }
        return e;
    }

    private static Map<String, String> suiteProperties(ExportedRun run) {
        Map<String, String> p = new LinkedHashMap<>();
        RunResult r = run.run();
        p.put("inferbench.run", r.runId());
        p.put("inferbench.scenario", run.scenario());
        if (r.scenario() != null && r.scenario().sha256() != null) {
            p.put("inferbench.scenario.sha256", r.scenario().sha256());
        }
        if (r.environment() != null) {
            p.put("inferbench.cpu", String.valueOf(r.environment().cpuModel()));
            p.put("inferbench.cores", Integer.toString(r.environment().logicalCores()));
            p.put("inferbench.jvm", String.valueOf(r.environment().jvm()));
            if (r.environment().gitCommit() != null) {
                p.put("inferbench.git", r.environment().gitCommit());
            }
        }
        run.gate().ifPresent(g -> {
            p.put("gate.passed", Boolean.toString(g.passed()));
            p.put("gate.regressions", Integer.toString(g.failures().size()));
            p.put("gate.baseline", String.valueOf(g.baseline()));
            p.put("gate.fingerprint", String.valueOf(g.fingerprint()));
            p.put("gate.history.runs", Integer.toString(g.historyRunIds().size()));
            p.put("gate.tests", Integer.toString(g.tests()));
            p.put("gate.alpha", Quantities.plain(g.alpha()));
            for (int i = 0; i < g.environmentChanges().size(); i++) {
                GateRecord.EnvironmentChange c = g.environmentChanges().get(i);
                p.put("gate.environment.change." + (i + 1), "since " + c.sinceRunId() + ": " + c.before() + " -> "
                        + c.after());
            }
            for (int i = 0; i < g.notes().size(); i++) {
                p.put("gate.note." + (i + 1), g.notes().get(i));
            }
        });
        return p;
    }

    private static Element properties(Document doc, Map<String, String> values) {
        Element props = doc.createElement("properties");
        values.forEach((name, value) -> {
            Element p = doc.createElement("property");
            p.setAttribute("name", Xml.text(name));
            p.setAttribute("value", Xml.text(value));
            props.appendChild(p);
        });
        return props;
    }

    private static String seconds(RunResult r) {
        if (r.startedAt() == null || r.finishedAt() == null || r.finishedAt().isBefore(r.startedAt())) {
            return "0";
        }
        long millis = Duration.between(r.startedAt(), r.finishedAt()).truncatedTo(ChronoUnit.MILLIS).toMillis();
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static Document newDocument() throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IOException("the JDK's XML support is missing: " + e.getMessage(), e);
        }
    }

    private static void serialize(Document doc, Writer out) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            // The JDK's serializer puts the root element on the declaration's line; the declaration is
            // written here instead, on a line of its own.
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write the JUnit XML: " + e.getMessage(), e);
        }
    }

    /** Testcases by kind, for the suite's attributes. */
    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;
    }
}
