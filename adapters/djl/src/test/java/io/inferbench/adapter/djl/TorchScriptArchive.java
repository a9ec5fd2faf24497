package io.inferbench.adapter.djl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a tiny TorchScript archive as {@code torch.jit.save} lays it out, without Python: a zip whose
 * records sit under one folder — {@code code/__torch__.py} (the module's TorchScript source),
 * {@code data.pkl} (the module object, pickle protocol 2: {@code GLOBAL __torch__ Model}, NEWOBJ, and
 * a BUILD with its attribute values), {@code constants.pkl} (an empty tuple) and {@code version}.
 * The module has no parameters: {@code forward(x) = x * 2 + 1}.
 */
final class TorchScriptArchive {
    static final String CODE = """
            class Model(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.Model,
                x: Tensor) -> Tensor:
                return torch.add(torch.mul(x, 2.), 1.)
            """;

    private TorchScriptArchive() {
    }

    static Path write(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "model/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            stored(zip, "model/code/__torch__.py", CODE.getBytes(StandardCharsets.UTF_8));
            stored(zip, "model/data.pkl", moduleObject());
            stored(zip, "model/constants.pkl", emptyTuple());
            stored(zip, "model/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** {@code __torch__.Model} with {@code training = False}. */
    static byte[] moduleObject() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x80, 2});                  // PROTO 2
        out.write("c__torch__\nModel\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        out.write(')');                                          // EMPTY_TUPLE
        out.write(0x81);                                         // NEWOBJ
        out.write('}');                                          // EMPTY_DICT
        unicode(out, "training");
        out.write(0x89);                                         // NEWFALSE
        out.write('s');                                          // SETITEM
        out.write('b');                                          // BUILD
        out.write('.');                                          // STOP
        return out.toByteArray();
    }

    static byte[] emptyTuple() {
        return new byte[]{(byte) 0x80, 2, ')', '.'};
    }

    private static void unicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');                                          // BINUNICODE, 4-byte little-endian length
        out.write(b.length);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(b, 0, b.length);
    }

    /** Uncompressed, as PyTorch writes records (so they can be read in place). */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
