package io.github.assetgen.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What a rule checks, for reports that describe their rules (SARIF's {@code rules}): its id, a
 * one-sentence description and the help of its family. Immutable. The texts live in
 * {@code rule-descriptions.properties} beside this class, one line per rule id.
 *
 * @param id the rule id, e.g. {@code model.unsupported-value}
 * @param shortDescription one sentence saying what the rule finds
 * @param help how to fix what the rule's family finds
 */
public record RuleDescription(String id, String shortDescription, String help) {

    private static final List<RuleDescription> ALL = load();

    public RuleDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(help, "help");
    }

    /** Every rule a problem can carry ({@link RuleId#allIds()}), sorted by id. */
    public static List<RuleDescription> all() {
        return ALL;
    }

    /** The description of one rule id, if it has one. */
    public static Optional<RuleDescription> of(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The family of a rule id: the part before the dot ({@code model} of {@code model.unknown}). */
    public static String family(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    private static List<RuleDescription> load() {
        Properties texts = new Properties();
        try (InputStream in = RuleDescription.class.getResourceAsStream("rule-descriptions.properties")) {
            if (in == null) {
                throw new IllegalStateException("rule-descriptions.properties is missing from the jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // an id without a text gets its id as description, so a report never breaks; a test keeps all described
        return RuleId.allIds().stream()
                .sorted(Comparator.naturalOrder())
                .map(id -> new RuleDescription(
                        id,
                        texts.getProperty(id, id),
                        texts.getProperty("family." + family(id), texts.getProperty(id, id))))
                .toList();
    }
}
