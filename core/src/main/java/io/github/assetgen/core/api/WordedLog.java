package io.github.assetgen.core.api;

import io.github.assetgen.core.wording.Wording;

/** A log that renders core's advice markers in the host's wording before passing each line on. */
final class WordedLog implements BuildLog {

    private final BuildLog log;
    private final Wording wording;

    WordedLog(BuildLog log, Wording wording) {
        this.log = log;
        this.wording = wording;
    }

    @Override
    public void info(String message) {
        log.info(wording.render(message));
    }

    @Override
    public void warn(String message) {
        log.warn(wording.render(message));
    }

    @Override
    public void error(String message) {
        log.error(wording.render(message));
    }

    @Override
    public void plain(String line) {
        log.plain(wording.render(line));
    }

    @Override
    public void debug(String message) {
        log.debug(wording.render(message));
    }
}
