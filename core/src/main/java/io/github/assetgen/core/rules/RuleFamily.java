package io.github.assetgen.core.rules;

/**
 * One family of rules about a single asset. The rule book runs the families in a fixed order; each
 * reads what the ones before resolved and adds its own findings to the {@link CheckedAsset}.
 */
interface RuleFamily {

    void check(CheckedAsset asset);
}
