package io.github.assetgen.core.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which asset ids a build works on: {@code assetgen.only}, a comma-separated list of ids or globs
 * ({@code *} any run of characters, {@code ?} one). Empty selects everything. Immutable.
 */
public final class Selection {

    /** Each entry as the user typed it, with its compiled glob; in the user's order. */
    private final Map<String, Pattern> patterns;

    private Selection(Map<String, Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Parses the parameter's entries; blanks are ignored. */
    public static Selection of(List<String> entries) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        entries.stream()
                .flatMap(e -> java.util.Arrays.stream(e.split(",")))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .forEach(e -> patterns.putIfAbsent(e, globToPattern(e)));
        return new Selection(patterns);
    }

    public static Selection all() {
        return new Selection(Map.of());
    }

    /** The entries, as typed, that select none of {@code ids}: a typo like {@code bannr} for {@code banner}. */
    public List<String> unmatched(Collection<String> ids) {
        return patterns.entrySet().stream()
                .filter(e ->
                        ids.stream().noneMatch(id -> e.getValue().matcher(id).matches()))
                .map(Map.Entry::getKey)
                .toList();
    }

    public boolean selectsAll() {
        return patterns.isEmpty();
    }

    public boolean selects(String id) {
        return patterns.isEmpty()
                || patterns.values().stream().anyMatch(p -> p.matcher(id).matches());
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
