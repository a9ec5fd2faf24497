package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders as written: picocli treats descriptions as format strings, so a
 * bare '%' makes it print a warning and the raw text instead.
 */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine main = new CommandLine(new Main());
            assertFalse(main.getUsageMessage().isBlank());
            main.getSubcommands().forEach((name, sub) -> assertFalse(sub.getUsageMessage().isBlank(), name));
        } finally {
            System.setErr(before);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGatesHelpStatesTheRuleTheExitCodesAndTheFormats() {
        String help = new CommandLine(new Main()).getSubcommands().get("gate").getUsageMessage()
                .replaceAll("\\s+", " ");
        assertTrue(help.contains("5% for p50, p99 and"), help);
        assertTrue(help.contains("Exit codes:") && help.contains("no confirmed regression"), help);
        assertTrue(help.contains("--junit") && help.contains("--markdown"), help);
    }
}
