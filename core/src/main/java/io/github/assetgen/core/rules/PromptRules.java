package io.github.assetgen.core.rules;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.request.AssetType;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Family {@code prompt}: a prompt where one is needed, within the model's length, and
 * {@code @ImageN} mentions only where the model takes them and a reference exists. Resolves the
 * canonical prompt.
 */
final class PromptRules implements RuleFamily {

    @Override
    public void check(CheckedAsset a) {
        if (a.resolvable()) {
            a.prompt = checkPrompt(a, a.rules, a.type);
        }
    }

    private static String checkPrompt(CheckedAsset a, ModelRules rules, AssetType type) {
        String raw = a.text("prompt");
        if (raw == null || raw.isBlank()) {
            boolean needed = type == AssetType.IMAGE || !a.values.containsKey("firstFrame");
            boolean wronglyTyped =
                    a.spec.fields().containsKey("prompt") && !a.values.containsKey("prompt") && !a.isNull("prompt");
            if (needed && !wronglyTyped) {
                a.error(
                        RuleId.PROMPT_MISSING,
                        "prompt",
                        a.spec.positionOf("prompt"),
                        type == AssetType.IMAGE
                                ? "prompt is required; describe the image"
                                : "prompt is required for a video without a firstFrame; describe the shot");
            }
            return "";
        }
        String prompt = Prompts.normalise(raw);
        if (rules == null) {
            return prompt;
        }
        int length = Prompts.length(prompt);
        if (length > rules.maxPrompt()) {
            a.error(
                    RuleId.PROMPT_TOO_LONG,
                    "prompt",
                    "prompt is " + length + " characters; " + rules.model() + " takes at most " + rules.maxPrompt());
        }
        List<BigInteger> mentions = Prompts.mentions(prompt);
        boolean readsMentions = a.catalog
                .provider(rules.provider())
                .map(p -> p.inputs().mentions())
                .orElse(false);
        if (readsMentions && rules.type() == AssetType.IMAGE && !mentions.isEmpty()) {
            if (!rules.mentions()) {
                a.error(
                        RuleId.PROMPT_MENTIONS_UNSUPPORTED,
                        "prompt",
                        "prompt mentions @Image" + mentions.get(0)
                                + " but " + rules.model() + " does not support @ImageN mentions; "
                                + mentionModels(a.catalog)
                                + ", or remove the mention");
            } else {
                int count = a.values.containsKey("references")
                        ? a.values.get("references").node().size()
                        : 0;
                for (BigInteger n : mentions) {
                    if (n.signum() <= 0 || n.compareTo(BigInteger.valueOf(count)) > 0) {
                        a.error(
                                RuleId.PROMPT_MENTION_OUT_OF_RANGE,
                                "prompt",
                                "prompt mentions @Image" + n
                                        + " but there "
                                        + (count == 1 ? "is 1 reference" : "are " + count + " references")
                                        + "; mention @Image1 to @Image" + Math.max(count, 1) + " or add references");
                    }
                }
                return Prompts.canonicalMentions(prompt);
            }
        }
        return prompt;
    }

    private static String mentionModels(ModelCatalog catalog) {
        return "use "
                + catalog.all().stream()
                        .filter(ModelRules::mentions)
                        .map(ModelRules::model)
                        .collect(Collectors.joining(", "));
    }
}
