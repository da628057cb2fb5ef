package io.github.assetgen.core.api;

import io.github.assetgen.core.specfile.DidYouMean;
import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Entries of {@code only} that select no asset: a typo must not pass as "everything skipped". Nothing
 * was sent.
 */
public final class UnknownAssetsException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    /** How many ids the message lists when no id is close to the pattern. */
    private static final int KNOWN_SHOWN = 10;

    private final List<String> patterns;

    /**
     * @param patterns the entries, as typed, that match no asset
     * @param ids every asset id of the specs
     */
    UnknownAssetsException(List<String> patterns, Collection<String> ids, Wording wording) {
        super(wording.render(message(patterns, ids)), null);
        this.patterns = List.copyOf(patterns);
    }

    private static String message(List<String> patterns, Collection<String> ids) {
        String lines = patterns.stream()
                .map(p -> Advice.parameter("only", p) + " matches no asset" + DidYouMean.hint(p, ids) + ".")
                .collect(Collectors.joining("\n"));
        String known = ids.isEmpty()
                ? "The specs define no asset."
                : "Asset ids: "
                        + ids.stream().sorted().limit(KNOWN_SHOWN).collect(Collectors.joining(", "))
                        + (ids.size() > KNOWN_SHOWN ? ", … (" + ids.size() + " in all)" : "")
                        + ".";
        return lines + "\n" + known + " Nothing was sent.";
    }

    /** The entries of {@code only} that match no asset, as typed. */
    public List<String> patterns() {
        return patterns;
    }
}
