package io.github.assetgen.core.files;

/** Images that test the guards against hostile files, shared by the tests of every package. */
public final class TestImages {

    /** A 23-byte JPEG whose frame header claims 20000 x 20000 pixels. */
    public static final byte[] JPEG_BOMB = {
        (byte) 0xFF,
        (byte) 0xD8,
        (byte) 0xFF,
        (byte) 0xC0,
        0,
        17,
        8,
        0x4E,
        0x20,
        0x4E,
        0x20,
        3,
        1,
        0x22,
        0,
        2,
        0x11,
        1,
        3,
        0x11,
        1,
        (byte) 0xFF,
        (byte) 0xD9
    };

    private TestImages() {}
}
