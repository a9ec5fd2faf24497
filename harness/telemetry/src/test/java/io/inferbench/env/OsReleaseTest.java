package io.inferbench.env;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OsReleaseTest {
    private static final String DEBIAN = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;

    @Test
    void prettyName() {
        assertEquals(Optional.of("Debian GNU/Linux 12 (bookworm)"), OsRelease.prettyName(DEBIAN));
        assertEquals(Optional.of("bookworm"), OsRelease.value(DEBIAN, "VERSION_CODENAME"));
    }

    @Test
    void quotingAndEscapes() {
        assertEquals(Optional.of("Ubuntu 22.04.4 LTS"), OsRelease.prettyName("PRETTY_NAME='Ubuntu 22.04.4 LTS'\n"));
        assertEquals(Optional.of("Say \"hi\" $now"), OsRelease.prettyName("PRETTY_NAME=\"Say \\\"hi\\\" \\$now\"\n"));
        assertEquals(Optional.of("Alpine"), OsRelease.prettyName("# comment\nPRETTY_NAME=Alpine # trailing\n"));
    }

    @Test
    void absentGivesEmpty() {
        assertEquals(Optional.empty(), OsRelease.prettyName("NAME=\"Debian GNU/Linux\"\n"));
        assertEquals(Optional.empty(), OsRelease.prettyName("MY_PRETTY_NAME=x\nPRETTY_NAME=\"\"\n"));
        assertEquals(Optional.empty(), OsRelease.prettyName(null));
    }
}
