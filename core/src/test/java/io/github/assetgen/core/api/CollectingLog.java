package io.github.assetgen.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build log that keeps what it is told, for tests; the build calls it from several threads. */
final class CollectingLog implements BuildLog {

    final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final List<String> plains = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void plain(String line) {
        plains.add(line);
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }

    @Override
    public void debug(String message) {}
}
