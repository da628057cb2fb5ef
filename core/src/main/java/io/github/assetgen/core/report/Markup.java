package io.github.assetgen.core.report;

/** Escaping and formatting shared by the HTML and JUnit XML reports. */
final class Markup {

    private Markup() {}

    /**
     * Escapes text for XML and HTML content and quoted attributes. Characters XML 1.0 forbids
     * (control characters, lone surrogates) become U+FFFD, so a prompt cannot break the file.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (plain(text)) {
            // most ids, paths, keys and messages need no escaping: no copy for them
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isSurrogate(c)) {
                        i = appendSurrogate(out, text, i);
                    } else if (c == '\t'
                            || c == '\n'
                            || c == '\r'
                            || (c >= 0x20 && c < 0xD800)
                            || (c > 0xDFFF && c < 0xFFFE)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends the surrogate at {@code i} of {@code text}: with its other half when it starts a pair,
     * else U+FFFD, since half a pair (a message cut inside an emoji) can be written neither as UTF-8
     * nor in XML.
     *
     * @return the index of the last character used
     */
    static int appendSurrogate(StringBuilder out, String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(i + 1));
            return i + 1;
        }
        out.append('\uFFFD');
        return i;
    }

    /** Printable ASCII without the characters markup gives a meaning to; one lookup per character. */
    private static final boolean[] PLAIN = plainCharacters();

    private static boolean[] plainCharacters() {
        boolean[] plain = new boolean[0x7f];
        for (char c = 0x20; c < 0x7f; c++) {
            plain[c] = c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
        }
        return plain;
    }

    /** True when no character needs escaping (the reports escape every text of every asset). */
    private static boolean plain(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A buffer size for a report of {@code items} entries of about {@code perItem} characters: a
     * report of megabytes grown from the default size would be copied a dozen times on the way.
     */
    static int capacity(int items, int perItem) {
        return (int) Math.min(1L << 26, (long) items * perItem + 8192);
    }

    /** Seconds with three decimals, as JUnit XML's {@code time} wants. */
    static String seconds(long millis) {
        if (millis == 0) {
            return "0.000"; // every asset that did not run, or was kept
        }
        // by hand: String.format costs a Formatter per call, and the reports call this per asset
        long abs = Math.abs(millis);
        long fraction = abs % 1000;
        return (millis < 0 ? "-" : "") + abs / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
