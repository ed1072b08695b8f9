package cn.hitech.enterprise.agency;

/** Who an enterprise authorises. */
public enum AgentKind {
    /** 服务专员: the enterprise's own commissioner; such a grant ends when the commissioner changes. */
    COMMISSIONER,
    /** 帮办员: any staff account the enterprise names. */
    HELPER
}
