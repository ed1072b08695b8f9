package cn.hitech.platform.web;

/** The roles of the platform, as carried in the token's groups. */
public final class Roles {

    /** 工作人员: project staff, department handlers, service commissioners, hotline operators. */
    public static final String STAFF = "STAFF";
    /** 企业: an enterprise's own account, bound to one credit code; sees only its own data. */
    public static final String ENTERPRISE = "ENTERPRISE";
    /** 管理者: zone leaders and supervisors; read dashboards and reports. */
    public static final String MANAGER = "MANAGER";
    /** 管理员: platform administrators. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
