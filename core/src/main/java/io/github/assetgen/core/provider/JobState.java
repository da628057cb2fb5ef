package io.github.assetgen.core.provider;

import java.util.List;

/** The state of one provider job as last polled. */
public sealed interface JobState {

    /**
     * Still queued or running. What a provider says here is only shown to the user, so it is cleaned
     * rather than refused: a poll never fails over it.
     *
     * @param label the provider's word for the state ({@code queued}, {@code processing}), without
     *     control characters and at most {@value #LABEL_LENGTH} characters; null when it gave none
     * @param percent how far the job is, 0 to 100, where the provider tells; null when it does not or
     *     said something outside that range
     */
    record Running(String label, Integer percent) implements JobState {

        /** The longest label kept: a status word, never a paragraph. */
        public static final int LABEL_LENGTH = 40;

        public Running {
            label = clean(label);
            percent = percent == null || percent < 0 || percent > 100 ? null : percent;
        }

        private static String clean(String label) {
            if (label == null) {
                return null;
            }
            // a provider's word goes into a log line: no escape sequences, no line breaks
            StringBuilder text = new StringBuilder();
            label.codePoints()
                    .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                    .forEach(text::appendCodePoint);
            String cleaned = text.toString().strip().replaceAll("\\s+", " ");
            if (cleaned.length() > LABEL_LENGTH) {
                int end = Character.isHighSurrogate(cleaned.charAt(LABEL_LENGTH - 1)) ? LABEL_LENGTH - 1 : LABEL_LENGTH;
                cleaned = cleaned.substring(0, end);
            }
            return cleaned.isEmpty() ? null : cleaned;
        }
    }

    /**
     * Finished; the files to download, in the provider's order.
     *
     * @param note what the user should know about these files (useapi's watermarked fallback), or null
     */
    record Succeeded(List<ResultLocation> results, String note) implements JobState {
        public Succeeded {
            results = List.copyOf(results);
        }

        /** Finished, with nothing to say about the files. */
        public Succeeded(List<ResultLocation> results) {
            this(results, null);
        }
    }

    /**
     * Finished without a result. {@code moderated} is true when the provider refused the content
     * (useapi status 5/7/14 or a 404 while polling a video, MiniMax 1026/1027, APIXO content codes).
     */
    record Failed(String message, boolean moderated) implements JobState {}
}
