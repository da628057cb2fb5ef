package io.github.assetgen.core.plan;

import java.util.Collection;
import java.util.List;

/**
 * Which asset ids a build works on: {@code assetgen.only}, a comma-separated list of ids or globs
 * ({@code *} any run of characters, {@code ?} one). Empty selects everything. Immutable.
 */
public final class Selection {

    /** Each entry as the user typed it, in the user's order. */
    private final List<String> globs;

    private Selection(List<String> globs) {
        this.globs = globs;
    }

    /** Parses the parameter's entries; blanks are ignored. */
    public static Selection of(List<String> entries) {
        return new Selection(entries.stream()
                .flatMap(e -> java.util.Arrays.stream(e.split(",")))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .distinct()
                .toList());
    }

    public static Selection all() {
        return new Selection(List.of());
    }

    /** The entries, as typed, that select none of {@code ids}: a typo like {@code bannr} for {@code banner}. */
    public List<String> unmatched(Collection<String> ids) {
        return globs.stream()
                .filter(glob -> ids.stream().noneMatch(id -> matches(glob, id)))
                .toList();
    }

    public boolean selectsAll() {
        return globs.isEmpty();
    }

    public boolean selects(String id) {
        return globs.isEmpty() || globs.stream().anyMatch(glob -> matches(glob, id));
    }

    /**
     * Whether {@code glob} matches all of {@code text}. Linear, backtracking only to the last
     * {@code *}: a regular expression of many {@code .*} backtracks for minutes on a long id.
     */
    static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int afterStar = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                afterStar = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++afterStar;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
