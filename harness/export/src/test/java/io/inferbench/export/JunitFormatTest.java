package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The JUnit XML is valid against the shape Jenkins and GitLab read, and says what the gate found. */
class JunitFormatTest {
    private static Schema schema() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitFormatTest.class.getResource("/schema/junit-jenkins-gitlab.xsd"));
    }

    private static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "gate: {0}")
    @ValueSource(booleans = {false, true})
    void isValidAgainstTheJenkinsAndGitlabSchema(boolean withGate) throws Exception {
        validate(Golden.fixture(ExportFormat.JUNIT, withGate));
    }

    /** The validation can fail: each of these breaks the schema in one place. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"testcase without a name", "an element the readers do not know", "a count that is not a number",
            "two outcomes in one testcase"})
    void aBrokenDocumentFailsValidation(String breakage) throws Exception {
        String xml = Golden.fixture(ExportFormat.JUNIT, true);
        String broken = switch (breakage) {
            case "testcase without a name" -> xml.replaceFirst(" name=\"p50\"", "");
            case "an element the readers do not know" -> xml.replaceFirst("</testcase>", "<verdict/></testcase>");
            case "a count that is not a number" -> xml.replaceFirst("failures=\"1\"", "failures=\"one\"");
            default -> xml.replaceFirst("</failure>", "</failure><error message=\"x\"/>");
        };
        assertTrue(!broken.equals(xml), "the breakage applies");
        assertThrows(SAXException.class, () -> validate(broken));
    }

    @Test
    void countsMatchTheTestcasesAndTheRegressionIsTheOneFailure() throws Exception {
        Document doc = parse(Golden.fixture(ExportFormat.JUNIT, true));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("nightly", suite.getAttribute("name"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) failures.item(0);
        Element failing = (Element) failure.getParentNode();
        assertEquals("nightly.precision=fp32 threads=1", failing.getAttribute("classname"));
        assertEquals("p99", failing.getAttribute("name"));
        String message = failure.getAttribute("message");
        for (String figure : new String[] {"baseline 8.500 ms", "current 9.750 ms", "+14.7%", "95% CI +9.0%, +21.0%",
                "threshold 5%", "p = 1.2e-05"}) {
            assertTrue(message.contains(figure), message + " lacks " + figure);
        }
        assertEquals(Integer.parseInt(suite.getAttribute("errors")), suite.getElementsByTagName("error").getLength());
        assertEquals(Integer.parseInt(suite.getAttribute("skipped")), suite.getElementsByTagName("skipped").getLength());
        assertEquals(1, suite.getElementsByTagName("error").getLength(), "the failed configuration is an error");
        // new, missing, inconclusive and the skipped configuration
        assertEquals(4, suite.getElementsByTagName("skipped").getLength());
    }

    @Test
    void withoutAGateNothingFailsButTheFailedConfiguration() throws Exception {
        Document doc = parse(Golden.fixture(ExportFormat.JUNIT, false));
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals(1, doc.getElementsByTagName("error").getLength());
        assertEquals(1, doc.getElementsByTagName("skipped").getLength());
    }

    @Test
    void controlCharactersInAnErrorStillMakeAWellFormedDocument() throws Exception {
        var run = Fixtures.run();
        var failed = io.inferbench.result.ConfigurationResult.notMeasured(run.configurations().get(2).setup(),
                io.inferbench.result.SessionInfo.NONE, io.inferbench.result.ConfigurationStatus.FAILED,
                "bell \u0007 and nul \u0000 in the stderr", java.util.List.of());
        var withControl = run.withConfigurations(java.util.List.of(failed), run.finishedAt());
        String xml = Golden.export(ExportFormat.JUNIT, withControl, Optional.empty());
        validate(xml);
        assertTrue(parse(xml).getElementsByTagName("error").item(0).getTextContent().startsWith("bell "));
    }
}
