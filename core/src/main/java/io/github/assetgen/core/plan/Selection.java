package io.github.assetgen.core.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which asset ids a build works on: {@code assetgen.only}, a comma-separated list of ids or globs
 * ({@code *} any run of characters, {@code ?} one). Empty selects everything. Immutable.
 */
public final class Selection {

    private final List<Pattern> patterns;

    private Selection(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Parses the parameter's entries; blanks are ignored. */
    public static Selection of(List<String> entries) {
        return new Selection(entries.stream()
                .flatMap(e -> java.util.Arrays.stream(e.split(",")))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .map(Selection::globToPattern)
                .toList());
    }

    public static Selection all() {
        return new Selection(List.of());
    }

    public boolean selectsAll() {
        return patterns.isEmpty();
    }

    public boolean selects(String id) {
        return patterns.isEmpty()
                || patterns.stream().anyMatch(p -> p.matcher(id).matches());
    }

    private static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
