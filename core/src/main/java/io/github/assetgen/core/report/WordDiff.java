package io.github.assetgen.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word diff of two prompts: the longest common subsequence of their words, so an edit shows as the
 * words removed and the words added. Each word carries the white space before it, and words are
 * compared without it, so a reflowed prompt differs only where its words do. Small on purpose: prompts are
 * short, and a prompt too long for the table is shown as removed and added whole. Stateless.
 */
final class WordDiff {

    /** A word with the white space before it (the first may have none; trailing space is its own token). */
    private static final Pattern TOKEN = Pattern.compile("\\s*[^\\s]+|\\s+");

    /** Above this many token pairs the table would be large; the prompts are then shown whole. */
    private static final long MAX_CELLS = 4_000_000L;

    private WordDiff() {}

    /** One run of the diff. */
    enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    /** A run of text that is the same in both, removed from the first or added in the second. */
    record Piece(Kind kind, String text) {}

    /** The runs that turn {@code before} into {@code after}, adjacent runs of one kind merged. */
    static List<Piece> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Piece> pieces = new ArrayList<>();
        if ((long) (a.size() + 1) * (b.size() + 1) > MAX_CELLS) {
            add(pieces, Kind.REMOVED, before);
            add(pieces, Kind.ADDED, after);
            return pieces;
        }
        // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (same(a.get(i), b.get(j))) {
                // the new prompt's spacing
                add(pieces, Kind.SAME, b.get(j++));
                i++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(pieces, Kind.REMOVED, a.get(i++));
            } else {
                add(pieces, Kind.ADDED, b.get(j++));
            }
        }
        while (i < a.size()) {
            add(pieces, Kind.REMOVED, a.get(i++));
        }
        while (j < b.size()) {
            add(pieces, Kind.ADDED, b.get(j++));
        }
        return pieces;
    }

    /**
     * The diff as HTML: removed words in {@code <del>}, added ones in {@code <ins>}, all text escaped.
     * The space before a changed run stays outside its tag, so it is not struck out or highlighted.
     */
    static String html(String before, String after) {
        StringBuilder html = new StringBuilder();
        for (Piece piece : diff(before, after)) {
            String text = piece.text();
            if (piece.kind() == Kind.SAME) {
                html.append(Markup.escape(text));
                continue;
            }
            String words = text.stripLeading();
            String tag = piece.kind() == Kind.REMOVED ? "del" : "ins";
            html.append(Markup.escape(text.substring(0, text.length() - words.length())))
                    .append('<')
                    .append(tag)
                    .append('>')
                    .append(Markup.escape(words))
                    .append("</")
                    .append(tag)
                    .append('>');
        }
        return html.toString();
    }

    private static boolean same(String a, String b) {
        return a.strip().equals(b.strip());
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void add(List<Piece> pieces, Kind kind, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int last = pieces.size() - 1;
        if (last >= 0 && pieces.get(last).kind() == kind) {
            pieces.set(last, new Piece(kind, pieces.get(last).text() + text));
        } else {
            pieces.add(new Piece(kind, text));
        }
    }
}
