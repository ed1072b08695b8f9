package cn.hitech.servicedesk.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * 中文分词 without a segmenter: PostgreSQL's core has no Chinese dictionary, so text is cut the way Lucene's CJK
 * analyzer cuts it. A run of CJK characters becomes its overlapping bigrams (济宁高新 → 济宁 宁高 高新; a lone
 * character stays a unigram); letters and digits form lower-cased words; everything else separates. Text and query
 * are cut alike, so a query matches wherever its characters stand next to each other in the text, with no
 * dictionary to miss a new policy's name.
 */
public final class CjkTokenizer {

    private CjkTokenizer() {
    }

    /** The tokens of {@code text} in order, repeats kept (they weigh in the rank). */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // NFKC folds full-width letters and digits (ＤＣＭＭ, ５Ｇ) into their ASCII forms, as callers type both.
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        List<String> cjkRun = new ArrayList<>();
        int i = 0;
        while (i < normal.length()) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, tokens);
                cjkRun.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                flushRun(cjkRun, tokens);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, tokens);
                flushRun(cjkRun, tokens);
            }
        }
        flushWord(word, tokens);
        flushRun(cjkRun, tokens);
        return tokens;
    }

    /** The text PostgreSQL indexes: the tokens joined by spaces, for {@code to_tsvector('simple', …)}. */
    public static String indexText(String text) {
        return String.join(" ", tokens(text));
    }

    /**
     * A {@code to_tsquery('simple', …)} expression of the query's distinct tokens, joined by {@code &} (all) or
     * {@code |} (any); empty when the query has nothing to search for. A lone CJK character is a prefix query
     * ({@code 诊:*}), because the index holds it inside bigrams ({@code 诊所}), not alone.
     */
    public static String tsQuery(String query, boolean all) {
        List<String> terms = new ArrayList<>();
        for (String token : new LinkedHashSet<>(tokens(query))) {
            // Tokens hold only letters and digits, so quoting them cannot break out into tsquery operators.
            boolean loneCjk = token.codePointCount(0, token.length()) == 1 && isCjk(token.codePointAt(0));
            terms.add("'" + token + "'" + (loneCjk ? ":*" : ""));
        }
        return String.join(all ? " & " : " | ", terms);
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void flushWord(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    private static void flushRun(List<String> run, List<String> tokens) {
        if (run.size() == 1) {
            tokens.add(run.get(0));
        }
        for (int k = 0; k + 1 < run.size(); k++) {
            tokens.add(run.get(k) + run.get(k + 1));
        }
        run.clear();
    }
}
