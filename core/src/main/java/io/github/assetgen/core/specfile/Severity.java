package io.github.assetgen.core.specfile;

/** How bad a {@link Problem} is: errors stop the build, warnings are only printed. */
public enum Severity {
    ERROR,
    WARNING
}
