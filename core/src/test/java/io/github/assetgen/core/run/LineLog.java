package io.github.assetgen.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A run listener that keeps its lines by level, for tests; assets run on several threads. */
final class LineLog implements RunListener {

    final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final List<String> debugs = Collections.synchronizedList(new ArrayList<>());

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
    public void debug(String message) {
        debugs.add(message);
    }
}
