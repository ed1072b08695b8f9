package cn.hitech.enterprise.register;

/** 法定代表人 as roles that need not know the person see it: the surname stays, the rest is hidden (张三丰 → 张**). */
final class LegalRepresentative {

    private LegalRepresentative() {
    }

    static String masked(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String person = name.strip();
        int first = person.offsetByCodePoints(0, 1);
        int rest = person.codePointCount(first, person.length());
        return rest == 0 ? "*" : person.substring(0, first) + "*".repeat(rest);
    }
}
