package cn.hitech.servicedesk.repeat;

import java.util.HashSet;
import java.util.Set;

import cn.hitech.servicedesk.knowledge.CjkTokenizer;

/** How alike two requests read: the cosine of their token sets (see {@link RepeatSettings#similarity}). */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static Set<String> tokens(String title, String description) {
        return new HashSet<>(CjkTokenizer.tokens((title == null ? "" : title) + "\n" + (description == null ? "" : description)));
    }

    static double cosine(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return shared / Math.sqrt((double) a.size() * b.size());
    }
}
