package io.github.assetgen.core.rules;

import io.github.assetgen.core.request.AssetType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Output file names: checking an {@code output} and expanding it to one name per returned file. */
final class Outputs {

    static final Map<AssetType, List<String>> EXTENSIONS = Map.of(
            AssetType.IMAGE, List.of("png", "jpg", "jpeg", "webp"),
            AssetType.VIDEO, List.of("mp4"));

    /** Characters no Windows file name can hold besides controls; jars and zips carry them, but cannot unpack them there. */
    private static final String INVALID_CHARACTERS = "<>:\"|?*";

    /** Device names Windows reserves with any extension ({@code nul.png} is the null device), lower case. */
    private static final List<String> RESERVED_NAMES = List.of("con", "prn", "aux", "nul");

    /** Device names Windows reserves followed by one digit ({@code com1}, {@code lpt9}). */
    private static final List<String> RESERVED_NUMBERED_NAMES = List.of("com", "lpt");

    private Outputs() {}

    /** An output that breaks one of the {@code output} rules; the message is the user's. */
    static final class InvalidOutput extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        final transient RuleId rule;

        InvalidOutput(RuleId rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    /**
     * The output as a normalised relative path with {@code /} separators, or an exception whose
     * message says what is wrong and how to fix it.
     *
     * @throws InvalidOutput naming the broken rule
     */
    static String normalise(String output, AssetType type) {
        if (output.isBlank()) {
            throw new InvalidOutput(RuleId.OUTPUT_EMPTY, "output is empty; give a file name such as 'img/hero.png'");
        }
        if (output.startsWith("/") || output.startsWith("\\") || startsWithDrive(output)) {
            throw new InvalidOutput(
                    RuleId.OUTPUT_ABSOLUTE,
                    "output '" + output + "' is absolute; give a path relative to the output directory");
        }
        if (output.indexOf('/') < 0 && output.indexOf('\\') < 0 && !output.equals(".") && !output.equals("..")) {
            // a plain file name, as most outputs are: one part, nothing to resolve
            checkCharacters(output, output);
            return withExtension(output, output, type);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : output.split("[/\\\\]")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidOutput(
                            RuleId.OUTPUT_OUTSIDE_DIRECTORY,
                            "output '" + output + "' leaves the output directory; remove the '..'");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidOutput(
                    RuleId.OUTPUT_NO_FILE_NAME, "output '" + output + "' names no file; give a file name");
        }
        for (String part : parts) {
            checkCharacters(output, part);
        }
        return withExtension(output, String.join("/", parts), type);
    }

    /** {@code name}, when it ends in an extension of the type. */
    private static String withExtension(String output, String name, AssetType type) {
        List<String> allowed = EXTENSIONS.get(type);
        if (!allowed.contains(extension(name))) {
            throw new InvalidOutput(
                    RuleId.OUTPUT_WRONG_EXTENSION,
                    "output '" + output + "' must end in ." + String.join(", .", allowed) + " for "
                            + (type == AssetType.IMAGE ? "an image" : "a video"));
        }
        return name;
    }

    /**
     * A name that passes here but cannot be written on Windows would fail every build there, long
     * after the spec was accepted; so it fails validation everywhere.
     */
    private static void checkCharacters(String output, String part) {
        int invalid = invalidCharacter(part);
        String problem = null;
        if (invalid >= 0) {
            char c = part.charAt(invalid);
            problem = Character.isISOControl(c)
                    ? String.format("a control character (U+%04X)", (int) c)
                    : "the character '" + c + "'";
        } else if (part.endsWith(".") || part.endsWith(" ")) {
            problem = "a name ending in '" + part.charAt(part.length() - 1) + "'";
        } else if (isReservedName(part)) {
            problem = "the name '" + part + "', which Windows reserves for a device";
        }
        if (problem != null) {
            throw new InvalidOutput(
                    RuleId.OUTPUT_INVALID_CHARACTER,
                    "output '" + printable(output) + "' contains " + problem
                            + ", which file names cannot hold on every system (<>:\"|?* and control characters are"
                            + " not allowed); rename it");
        }
    }

    /*
     * The three checks below were regular expressions ("^[A-Za-z]:.*", "[<>:\"|?*\\p{Cntrl}]" and
     * "(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?"); they run on every output of every asset, and
     * in a JVM that has compiled none of it a regular expression costs more than the rest of the
     * rule. NameChecksAnswerAsTheirExpressionsTest checks they still answer as the expressions did.
     */

    /** A drive letter and colon ({@code C:}), where {@code '.'} would match the rest. */
    static boolean startsWithDrive(String output) {
        return output.length() >= 2
                && isAsciiLetter(output.charAt(0))
                && output.charAt(1) == ':'
                && !hasLineTerminator(output, 2);
    }

    /** Where the first character no file name may hold is, or -1: {@code <>:"|?*} and ASCII controls. */
    static int invalidCharacter(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < 0x20 || c == 0x7f || INVALID_CHARACTERS.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** A name Windows reserves for a device, in any ASCII case, alone or with any extension. */
    static boolean isReservedName(String part) {
        int dot = part.indexOf('.');
        int end = dot < 0 ? part.length() : dot;
        if (end != 3 && end != 4) {
            return false; // every reserved name has three letters, or three and a digit
        }
        if (dot >= 0 && hasLineTerminator(part, dot + 1)) {
            return false;
        }
        String base = part.substring(0, end);
        if (!isAscii(base)) {
            return false; // (?i) without UNICODE_CASE: the Kelvin sign is no 'k' here
        }
        base = base.toLowerCase(Locale.ROOT);
        if (base.length() == 3) {
            return RESERVED_NAMES.contains(base);
        }
        return base.length() == 4
                && RESERVED_NUMBERED_NAMES.contains(base.substring(0, 3))
                && base.charAt(3) >= '0'
                && base.charAt(3) <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** What {@code '.'} in a regular expression does not match. */
    private static boolean hasLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** The output with control characters shown as {@code ?}, so a message stays on one line. */
    private static String printable(String output) {
        return output.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * The name a file asked for at {@code output} is written at, as far as it is known before the
     * provider answers: the placeholder renders PNG for a {@code .webp} output, and the file keeps
     * the extension of its content. Other providers' formats are known only once they answer
     * (the runner checks the names actually written).
     */
    static String written(String output, boolean placeholder) {
        if (placeholder && extension(output).equals("webp")) {
            return output.substring(0, output.length() - "webp".length()) + "png";
        }
        return output;
    }

    /** One name per file: the name itself, or {@code stem-1.ext} … {@code stem-N.ext}. */
    static List<String> expand(String name, int count) {
        if (count <= 1) {
            return List.of(name);
        }
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        String ext = name.substring(dot);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(stem + "-" + i + ext);
        }
        return names;
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
