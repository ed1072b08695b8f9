package cn.hitech.servicedesk.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class KnowledgeTokenizerTest {

    @Test
    void cutsARunOfChineseIntoOverlappingBigrams() {
        assertEquals(List.of("济宁", "宁高", "高新", "新区"), CjkTokenizer.tokens("济宁高新区"));
    }

    @Test
    void keepsALoneChineseCharacterAsAUnigram() {
        assertEquals(List.of("办", "证"), CjkTokenizer.tokens("办 证"));
        assertEquals(List.of("诊所", "备案"), CjkTokenizer.tokens("诊所，备案"));
    }

    @Test
    void lowerCasesLettersAndDigitsIntoWordsBetweenChineseRuns() {
        assertEquals(List.of("高企", "a", "类", "5g", "认定"), CjkTokenizer.tokens("高企A类5G认定"));
        assertEquals(List.of("拨打", "8951234", "wi", "fi"), CjkTokenizer.tokens("拨打8951234 Wi-Fi"));
    }

    @Test
    void foldsFullWidthLettersAsCallersTypeThem() {
        assertEquals(List.of("dcmm", "贯标"), CjkTokenizer.tokens("ＤＣＭＭ贯标"));
    }

    @Test
    void punctuationAloneHasNoTokens() {
        assertEquals(List.of(), CjkTokenizer.tokens("，。！？“”  ..."));
        assertEquals(List.of(), CjkTokenizer.tokens(null));
        assertEquals("", CjkTokenizer.tsQuery("？！", true));
    }

    @Test
    void keepsRepeatsForTheIndexButAsksForEachTokenOnce() {
        assertEquals("一件 件事 一件 件事", CjkTokenizer.indexText("一件事，一件事"));
        assertEquals("'一件' & '件事'", CjkTokenizer.tsQuery("一件事 一件事", true));
        assertEquals("'诊所' | '认定'", CjkTokenizer.tsQuery("诊所 认定", false));
    }

    @Test
    void aLoneChineseCharacterInAQueryIsAPrefixOfTheIndexedBigrams() {
        assertEquals("'诊':*", CjkTokenizer.tsQuery("诊", true));
        assertEquals("'诊':* & 'a'", CjkTokenizer.tsQuery("诊 A", true));
    }

    @Test
    void queryOperatorsInTheTextCannotReachTsquery() {
        assertEquals("'a' & 'b' & 'c'", CjkTokenizer.tsQuery("a'b & !c:*", true));
    }
}
