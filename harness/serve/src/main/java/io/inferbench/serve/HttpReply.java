package io.inferbench.serve;

import io.inferbench.protocol.V2Json;

/**
 * An HTTP answer before Netty sees it: status, body, and with the binary extension the JSON header's
 * length ({@link V2Json#HEADER_LENGTH}).
 *
 * @param headerLength -1 for an all-JSON body
 */
record HttpReply(int status, byte[] body, int headerLength) {
    static HttpReply json(int status, byte[] body) {
        return new HttpReply(status, body, -1);
    }

    static HttpReply error(int status, String message) {
        return new HttpReply(status, V2Json.error(message), -1);
    }

    static HttpReply of(V2Json.Encoded encoded) {
        return new HttpReply(200, encoded.body(), encoded.headerLength());
    }
}
