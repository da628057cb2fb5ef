package io.github.assetgen.core.rules;

import io.github.assetgen.core.key.CacheKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prompt canonicalisation: Unicode NFC, LF line ends and {@code @ImageN} mentions in one spelling. */
final class Prompts {

    private static final Pattern MENTION = Pattern.compile("@image(\\d+)", Pattern.CASE_INSENSITIVE);

    private Prompts() {}

    /** NFC and LF, so the same prompt typed on two systems gives the same cache key. */
    static String normalise(String prompt) {
        // most prompts have no carriage return: no copies for them
        String lf =
                prompt.indexOf('\r') < 0 ? prompt : prompt.replace("\r\n", "\n").replace('\r', '\n');
        return CacheKey.nfc(lf);
    }

    /** {@code @ImAgE001} becomes {@code @Image1} (useapi's own canonical form). */
    static String canonicalMentions(String prompt) {
        if (prompt.indexOf('@') < 0) {
            return prompt; // most prompts mention nothing: no regular expression for them
        }
        Matcher m = MENTION.matcher(prompt);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("@Image" + new BigInteger(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The slot numbers mentioned, as written (as big integers: {@code @Image99999999999} must not overflow). */
    static List<BigInteger> mentions(String prompt) {
        List<BigInteger> found = new ArrayList<>();
        if (prompt.indexOf('@') < 0) {
            return found;
        }
        Matcher m = MENTION.matcher(prompt);
        while (m.find()) {
            found.add(new BigInteger(m.group(1)));
        }
        return found;
    }

    /** The length as providers count it: characters (code points), not UTF-16 units. */
    static int length(String prompt) {
        return prompt.codePointCount(0, prompt.length());
    }
}
