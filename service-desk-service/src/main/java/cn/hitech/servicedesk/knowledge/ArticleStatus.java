package cn.hitech.servicedesk.knowledge;

/** 知识状态: a draft is seen by staff only; a published answer also by enterprises; an archived one is kept but retired. */
public enum ArticleStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    ARCHIVED("已归档");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
