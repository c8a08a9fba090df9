package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small helpers that turn untrusted text into short, single-line, control-character-free strings for logs. */
final class Text {

    /** Default maximum length of a body excerpt. */
    static final int EXCERPT_LENGTH = 200;

    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Text() {}

    /**
     * Collapses every run of whitespace or control characters to one space, trims, and cuts to {@code max} characters
     * (an ellipsis marks a cut).
     */
    static String singleLine(@CheckForNull String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < s.length() && sb.length() <= max; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp) || isFormat(cp)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.appendCodePoint(cp);
        }
        if (sb.length() > max) {
            int cut = max - 1;
            if (Character.isLowSurrogate(sb.charAt(cut)) && cut > 0) {
                cut--;
            }
            sb.setLength(cut);
            sb.append('…');
        }
        return sb.toString();
    }

    /**
     * A readable excerpt of a response body: markup is reduced to its text when the body looks like HTML, then
     * {@link #singleLine}.
     */
    static String excerpt(String body, @CheckForNull String contentType, int max) {
        String s = body;
        String trimmed = s.stripLeading();
        boolean html =
                (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
                        || trimmed.startsWith("<");
        if (html) {
            s = SCRIPT_OR_STYLE.matcher(s).replaceAll(" ");
            s = COMMENT.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll(" ");
            s = s.replace("&nbsp;", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
        return singleLine(s, max);
    }

    /** Quotes a user-supplied value for an error message, making invisible characters visible. */
    static String quoteForMessage(@CheckForNull String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < s.length(); ) {
            if (shown == max) {
                sb.append('…');
                break;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                sb.append(' ');
            } else if (Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isISOControl(cp)
                    || isFormat(cp)
                    || cp > 0xFFFF) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            shown++;
        }
        return sb.append('\'').toString();
    }

    private static boolean isFormat(int cp) {
        // Bidi overrides and zero-width characters could disguise log lines.
        return Character.getType(cp) == Character.FORMAT;
    }
}
