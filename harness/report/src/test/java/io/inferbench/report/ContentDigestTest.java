package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a site recognises a result by between builds: any edit changes it, equal bytes never do. */
class ContentDigestTest {
    @Test
    void equalBytesEqualDigestsAndTheLengthIsPartOfIt() {
        byte[] a = "{\"schema\":\"inferbench.run/2\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(SiteInput.contentDigest(a), SiteInput.contentDigest(a.clone()));
        assertTrue(SiteInput.contentDigest(a).matches("crc64:" + a.length + ":[0-9a-f]{16}"),
                SiteInput.contentDigest(a));
        assertNotEquals(SiteInput.contentDigest(new byte[0]), SiteInput.contentDigest(new byte[1]));
    }

    @Test
    void everyOneByteEditAndEverySwapOfTwoBytesIsSeen() {
        byte[] original = new byte[4096];
        new Random(7).nextBytes(original);
        String digest = SiteInput.contentDigest(original);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < original.length; i++) {
            byte[] edited = original.clone();
            edited[i] ^= (byte) (1 << (i % 8));
            String d = SiteInput.contentDigest(edited);
            assertNotEquals(digest, d, "a flipped bit at " + i);
            seen.add(d);
        }
        assertEquals(original.length, seen.size(), "every edit gives a digest of its own");
        for (int i = 0; i + 1 < original.length; i += 97) {
            byte[] swapped = original.clone();
            if (swapped[i] != swapped[i + 1]) {
                byte t = swapped[i];
                swapped[i] = swapped[i + 1];
                swapped[i + 1] = t;
                assertNotEquals(digest, SiteInput.contentDigest(swapped), "bytes " + i + " and " + (i + 1) + " swapped");
            }
        }
    }
}
