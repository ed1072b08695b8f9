package cn.hitech.platform.infra;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A quarter of the 8951234 hotline's tickets for {@code POST /api/tickets/import}: the three months before {@code today},
 * from every channel, of every category, most of them handled and rated, some signed or resolved late, returned,
 * extended, suspended, urged, supervised or reopened, the newest still in hand — so every report of the service desk
 * shows real figures. Deterministic for a seed. Moves are dated in office hours on weekdays, as an operator works; the
 * service counts each limit on the real calendar (调休 and holidays included), so a figure comes from its rules, never
 * from here. Every instant lies before {@code today}.
 */
public final class DemoTickets {

    private static final ZoneId JINING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of request: its topic (a leaf of the 诉求分类 catalogue), category, handling department, words and answer. */
    private record Topic(String code, String category, String department, String title, String detail, String reply) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("POWER_CONNECTION", "REQUEST", "POWER_SUPPLY", "新建厂房用电报装进度咨询",
                    "企业来电反映新厂房用电报装已提交两周，询问办理进度并希望尽快接电。",
                    "供电公司已完成现场勘查，接电工程已排期，预计一周内送电。"),
            new Topic("POWER_CONNECTION", "REQUEST", "POWER_SUPPLY", "申请变压器增容",
                    "企业扩产新增设备，现有变压器容量不足，申请增容至2000千伏安。",
                    "增容方案已批复，企业可按方案委托施工，供电公司全程跟进。"),
            new Topic("POWER_CONNECTION", "REQUEST", "POWER_SUPPLY", "双回路供电接入申请",
                    "企业生产线对供电可靠性要求高，申请第二路电源接入。",
                    "供电公司已出具双回路接入方案，配套工程纳入本月计划。"),
            new Topic("POWER_OUTAGE", "COMPLAINT", "POWER_SUPPLY", "厂区频繁停电影响生产",
                    "企业反映近一周厂区停电三次，每次约半小时，生产线被迫停机。",
                    "经排查为线路老化，已更换故障线路并加强巡检，近期未再停电。"),
            new Topic("POWER_OUTAGE", "COMPLAINT", "POWER_SUPPLY", "计划停电未提前通知",
                    "企业称昨日计划检修停电未提前告知，造成一批原料报废。",
                    "已向企业说明情况并致歉，今后计划停电提前三天短信告知。"),
            new Topic("ELECTRICITY_PRICE", "CONSULTATION", "POWER_SUPPLY", "分时电价执行咨询",
                    "企业询问峰谷分时电价的时段划分，希望调整生产排班降低电费。",
                    "已向企业提供分时电价时段表，并上门开展用能诊断。"),
            new Topic("TAX_REDUCTION", "CONSULTATION", "TAXATION", "小微企业减税降费政策咨询",
                    "企业询问小型微利企业所得税优惠的适用条件和申报方式。",
                    "已向企业解读政策口径，企业符合条件，可在季度预缴时享受。"),
            new Topic("TAX_REFUND", "REQUEST", "TAXATION", "增值税留抵退税办理进度",
                    "企业已提交留抵退税申请，询问审核进度和到账时间。",
                    "留抵退税已审核通过，款项预计三个工作日内到账。"),
            new Topic("RD_DEDUCTION", "CONSULTATION", "TAXATION", "研发费用加计扣除政策咨询",
                    "企业询问今年研发费用加计扣除比例及预缴申报时能否享受。",
                    "已向企业解读政策口径，企业可在预缴申报时享受加计扣除。"),
            new Topic("RECRUITMENT", "REQUEST", "HUMAN_RESOURCES", "技术工人招聘困难",
                    "企业新增生产线，急需数控操作工30名，希望协助对接招聘渠道。",
                    "人社局已将企业岗位纳入专场招聘会，并推送至职业院校就业平台。"),
            new Topic("RECRUITMENT", "REQUEST", "HUMAN_RESOURCES", "申请参加园区专场招聘会",
                    "企业希望参加下月园区专场招聘会，询问报名方式。",
                    "已为企业报名下月专场招聘会并安排展位。"),
            new Topic("SKILL_TRAINING", "CONSULTATION", "HUMAN_RESOURCES", "职工技能培训补贴申领",
                    "企业组织焊工技能提升培训，询问培训补贴的申领条件。",
                    "已告知申领条件和材料，企业培训补贴已受理。"),
            new Topic("SOCIAL_INSURANCE", "CONSULTATION", "HUMAN_RESOURCES", "员工社保关系转移办理",
                    "企业迁入后员工社保关系转移耗时较长，询问办理流程。",
                    "已开通绿色通道，员工社保关系已全部转入。"),
            new Topic("TALENT_SUBSIDY", "CONSULTATION", "HUMAN_RESOURCES", "引进博士人才补贴申报",
                    "企业新引进博士两名，询问人才引进补贴的申报时间和材料。",
                    "已一次性告知申报材料，补贴将于本批次审核后发放。"),
            new Topic("BUSINESS_LICENSE", "CONSULTATION", "MARKET_REGULATION", "营业执照经营范围变更咨询",
                    "企业拟增加医疗器械销售经营范围，询问所需材料。",
                    "已一次性告知所需材料，企业可网上全程电子化办理，一个工作日办结。"),
            new Topic("INTELLECTUAL_PROPERTY", "COMPLAINT", "MARKET_REGULATION", "产品商标被仿冒",
                    "企业反映市场上出现仿冒其注册商标的液压件产品，请求查处。",
                    "市场监管局已立案调查，查扣仿冒产品一批，案件依法处理中。"),
            new Topic("CONSTRUCTION_PERMIT", "REQUEST", "ADMINISTRATIVE_APPROVAL", "施工许可证办理进度",
                    "企业扩建项目施工许可申请已提交，询问办理进度，希望尽快开工。",
                    "施工许可证已核发，已通知企业领取。"),
            new Topic("JOINT_ACCEPTANCE", "REQUEST", "ADMINISTRATIVE_APPROVAL", "联合验收预约",
                    "企业厂房主体已完工，申请预约联合验收。",
                    "联合验收已安排，各部门将于约定日期同步现场验收。"),
            new Topic("BUSINESS_STARTUP", "CONSULTATION", "ADMINISTRATIVE_APPROVAL", "新设子公司企业开办咨询",
                    "企业拟在园区新设子公司，询问企业开办一件事的办理流程。",
                    "已告知企业开办一件事一窗受理流程，营业执照、公章、发票当日办结。"),
            new Topic("LAND_SUPPLY", "REQUEST", "NATURAL_RESOURCES", "扩建项目用地指标申请",
                    "企业二期项目需新增用地50亩，询问用地指标和供地方式。",
                    "项目已纳入年度供地计划，预计下季度挂牌出让。"),
            new Topic("REAL_ESTATE_REGISTRATION", "REQUEST", "NATURAL_RESOURCES", "不动产权证办理进度",
                    "企业厂房竣工后不动产权证一直未办理，询问进度。",
                    "不动产权证已办结，可在政务服务中心领取。"),
            new Topic("ENVIRONMENTAL_ASSESSMENT", "CONSULTATION", "ECOLOGY_ENVIRONMENT", "技改项目环评审批咨询",
                    "企业技改项目不新增产能，询问是否需要重新办理环评。",
                    "经核实企业技改项目可按登记表备案，无需编制报告书。"),
            new Topic("POLLUTION_COMPLAINT", "COMPLAINT", "ECOLOGY_ENVIRONMENT", "周边企业异味影响生产",
                    "企业反映相邻化工企业夜间排放异味，影响车间员工。",
                    "生态环境分局已现场检查并责令相关企业整改，已复查达标。"),
            new Topic("BANK_LOAN", "REQUEST", "FINANCE", "申请应急转贷资金",
                    "企业一笔贷款下月到期，资金周转紧张，申请使用应急转贷资金。",
                    "应急转贷资金已审批，已与合作银行完成对接。"),
            new Topic("LOAN_GUARANTEE", "CONSULTATION", "FINANCE", "融资担保费用补贴申报",
                    "企业询问融资担保费用补贴的申报条件和比例。",
                    "已向企业说明补贴政策，企业已提交申报材料。"),
            new Topic("POLICY_FUND_REDEMPTION", "REQUEST", "FINANCE", "奖补资金兑现进度",
                    "企业去年获批的技改奖补资金尚未到账，询问兑现进度。",
                    "奖补资金已纳入本批次拨付计划，预计本月到账。"),
            new Topic("HIGH_TECH_ENTERPRISE", "CONSULTATION", "SCIENCE_INNOVATION", "高新技术企业认定申报条件咨询",
                    "企业扫描助企码咨询高新技术企业认定的研发费用占比要求。",
                    "已向企业解读认定条件，企业研发费用占比符合要求，可于申报期内提交。"),
            new Topic("SPECIALIZED_NEW", "CONSULTATION", "SCIENCE_INNOVATION", "专精特新企业认定申报",
                    "企业询问省级专精特新中小企业的认定条件和申报时间。",
                    "已对照认定标准为企业逐项诊断，企业已完成申报。"),
            new Topic("TECH_PROJECT_APPLICATION", "CONSULTATION", "SCIENCE_INNOVATION", "省级重点研发计划申报",
                    "企业拟申报省级重点研发计划项目，询问申报指南。",
                    "已推送申报指南并安排专家辅导，企业已按期提交。"),
            new Topic("ENERGY_REVIEW", "REQUEST", "DEVELOPMENT_REFORM", "新上项目节能审查进度",
                    "企业新上生产线需办理节能审查，询问审查进度。",
                    "节能审查意见已出具，已送达企业。"),
            new Topic("GAS_SUPPLY", "REQUEST", "DEVELOPMENT_REFORM", "冬季天然气供应保障",
                    "企业反映冬季天然气供应压力不足，影响锅炉运行。",
                    "已协调燃气公司调整供气压力，企业用气已恢复正常。"),
            new Topic("POLICY_COMMITMENT", "COMPLAINT", "INVESTMENT_PROMOTION", "项目落地配套政策未兑现",
                    "企业签约项目已开工，反映招商协议约定的配套政策尚未兑现。",
                    "配套政策已按协议兑现首期资金，后续按进度拨付。"),
            new Topic("WATER_CONNECTION", "REQUEST", "INVESTMENT_PROMOTION", "项目施工用水临时接入",
                    "项目施工现场需临时接入施工用水，请协调供水单位。",
                    "已协调供水公司完成临时接水，施工用水已保障。"),
            new Topic("SUPPLY_CHAIN", "REQUEST", "INVESTMENT_PROMOTION", "产业链上下游供需对接",
                    "企业希望对接本地铸件供应商，降低采购运输成本。",
                    "已组织产业链供需对接会，企业与两家本地供应商达成合作意向。"),
            new Topic("STREET_LIGHT", "COMPLAINT", "HOUSING_CONSTRUCTION", "园区道路夜间照明不足",
                    "网格员走访发现园区北侧道路路灯损坏，影响企业员工夜间通勤。",
                    "住建局已维修损坏路灯12盏，照明已恢复。"),
            new Topic("ROAD_REPAIR", "COMPLAINT", "HOUSING_CONSTRUCTION", "厂区门口道路破损积水",
                    "企业反映雨后厂区门口道路破损积水，货车无法通行。",
                    "已修补破损路面并疏通排水管网。"),
            new Topic("SITE_DISPUTE", "REQUEST", "HOUSING_CONSTRUCTION", "施工现场周边矛盾协调",
                    "企业项目施工遭周边村民阻工，请求协调。",
                    "街道会同住建局现场协调，已达成一致，项目恢复施工。"),
            new Topic("BUS_ROUTE", "SUGGESTION", "DEVELOPMENT_REFORM", "建议增开园区通勤公交",
                    "企业员工反映上下班公交班次少，建议增开园区通勤线路。",
                    "已将建议转交交通运输部门，早晚高峰将加开两班通勤车。"),
            new Topic("SUGGESTION", "SUGGESTION", "ADMINISTRATIVE_APPROVAL", "建议简化技改项目审批材料",
                    "企业建议对技改项目审批推行告知承诺制，减少申报材料。",
                    "建议已采纳，相关事项已纳入告知承诺制清单。"),
            new Topic("PRAISE", "PRAISE", "ADMINISTRATIVE_APPROVAL", "感谢帮办代办服务",
                    "企业致电感谢行政审批局帮办代办人员全程代办施工许可手续。",
                    "感谢企业的肯定，已将表扬转达相关单位和人员。"),
            new Topic("PRAISE", "PRAISE", "POWER_SUPPLY", "表扬供电公司快速抢修",
                    "企业感谢供电公司夜间快速抢修，保障了生产。",
                    "已转达表扬，我们将继续做好服务。"));

    /** 受理渠道 and how often tickets come in by each (out of 100). */
    private static final String[] CHANNELS = {"HOTLINE", "WEB", "QR_CODE", "GRID_STAFF", "TRANSFER_12345", "PROJECT_PROBLEM"};
    private static final int[] CHANNEL_WEIGHTS = {44, 15, 12, 10, 14, 5};
    private static final String[] DEPARTMENTS = {"NATURAL_RESOURCES", "FINANCE", "HUMAN_RESOURCES", "DEVELOPMENT_REFORM",
        "MARKET_REGULATION", "ADMINISTRATIVE_APPROVAL", "HOUSING_CONSTRUCTION", "SCIENCE_INNOVATION", "INVESTMENT_PROMOTION",
        "ECOLOGY_ENVIRONMENT", "TAXATION", "POWER_SUPPLY"};
    private static final String[] OPERATORS = {"话务员 李敏", "话务员 赵静", "话务员 孙倩", "话务员 周婷"};
    private static final String[] DISPATCHERS = {"派单员 王强", "派单员 刘洋"};
    private static final String[] MANAGERS = {"督查室 陈主任", "督查室 马科长"};
    private static final String[] CONTACTS = {"王经理", "李主任", "张会计", "刘总", "陈工", "赵主管", "孙经理", "周部长"};
    /** Callers whose company is not in the register: a name only. */
    private static final String[] UNREGISTERED = {"济宁恒达五金加工部", "高新区鑫源物流有限公司", "济宁博远机电设备有限公司",
        "任城区嘉禾餐饮管理有限公司", "济宁市汇通包装材料厂", "山东启航新材料科技有限公司"};

    private DemoTickets() {
    }

    /**
     * About {@code perWeekday} tickets each weekday (and a few at weekends) from {@code today} three months back to the day
     * before it; {@code creditCodes} are the registered enterprises that call most.
     */
    public static List<ObjectNode> quarter(List<String> creditCodes, LocalDate today, long seed, int perWeekday) {
        Random random = new Random(seed);
        List<ObjectNode> tickets = new ArrayList<>();
        Instant cutoff = today.atStartOfDay(JINING).toInstant();
        int sequence = 0;
        for (LocalDate day = today.minusMonths(3); day.isBefore(today); day = day.plusDays(1)) {
            int count = weekend(day) ? random.nextInt(3) : perWeekday - 3 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                sequence++;
                tickets.add(new Generator(random, creditCodes, cutoff).ticket(day, sequence));
            }
        }
        return tickets;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** One ticket's history, move by move, each later than the one before and dropped from the first one past the cutoff. */
    private static final class Generator {

        private final Random random;
        private final List<String> creditCodes;
        private final Instant cutoff;
        private final ArrayNode moves = JSON.createArrayNode();
        private Instant last;
        private boolean cut;

        Generator(Random random, List<String> creditCodes, Instant cutoff) {
            this.random = random;
            this.creditCodes = creditCodes;
            this.cutoff = cutoff;
        }

        ObjectNode ticket(LocalDate day, int sequence) {
            Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
            String channel = weighted(CHANNELS, CHANNEL_WEIGHTS);
            boolean urgent = topic.category().equals("COMPLAINT") ? random.nextInt(3) == 0 : random.nextInt(20) == 0;
            Instant registered = weekend(day) || random.nextInt(12) == 0 ? at(day, 18 + random.nextInt(3), random.nextInt(60))
                    : office(day);
            last = registered;
            ObjectNode t = JSON.createObjectNode();
            t.put("legacyNumber", "8951234-" + DAY.format(day) + "-" + String.format("%05d", sequence));
            t.put("registeredAt", registered.toString());
            t.put("registeredBy", pick(OPERATORS));
            t.put("channel", channel);
            t.put("category", topic.category());
            t.put("title", topic.title());
            t.put("description", topic.detail());
            t.put("topicCode", topic.code());
            if (random.nextInt(100) < 88 && !creditCodes.isEmpty()) {
                // A few enterprises call often: the same topic again within a month is a 重复诉求.
                int index = random.nextInt(100) < 40 ? random.nextInt(Math.min(4, creditCodes.size())) : random.nextInt(creditCodes.size());
                t.put("enterpriseCreditCode", creditCodes.get(index));
            } else {
                t.put("companyName", pick(UNREGISTERED));
            }
            t.put("contactName", pick(CONTACTS));
            t.put("contactPhone", "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)));
            t.put("urgent", urgent);
            if (channel.equals("TRANSFER_12345")) {
                t.put("externalNumber", "SD12345" + DAY.format(day) + String.format("%05d", sequence));
                t.put("externalReceivedAt", registered.minus(20 + random.nextInt(240), ChronoUnit.MINUTES).toString());
            }
            history(topic, registered, urgent);
            t.set("moves", moves);
            return t;
        }

        private void history(Topic topic, Instant registered, boolean urgent) {
            boolean consultation = topic.category().equals("CONSULTATION");
            if ((consultation && random.nextInt(100) < 35) || (topic.category().equals("PRAISE") && random.nextInt(100) < 70)) {
                move("answer", registered.plus(3 + random.nextInt(15), ChronoUnit.MINUTES), pick(OPERATORS)).put("answer", topic.reply());
                return;
            }
            int roll = random.nextInt(100);
            Instant dispatched = dispatchTime(registered);
            if (roll < 7) {
                // 退单: first sent to a department it is not for, which returns it within a working day.
                String wrong = other(topic.department());
                move("dispatch", dispatched, pick(DISPATCHERS)).put("department", wrong);
                Instant returned = random.nextBoolean() ? dispatched.plus(40 + random.nextInt(120), ChronoUnit.MINUTES) : office(nextWeekday(date(dispatched), 1));
                move("return", returned, departmentStaff(wrong)).put("reason", "经核实该诉求不属于本单位职责范围，请改派对口单位办理");
                dispatched = returned.plus(20 + random.nextInt(70), ChronoUnit.MINUTES);
            }
            move("dispatch", dispatched, pick(DISPATCHERS)).put("department", topic.department());
            boolean lateSign = random.nextInt(100) < 5;
            Instant signed = lateSign ? at(nextWeekday(date(dispatched), 1), 10 + random.nextInt(2), 30 + random.nextInt(29))
                    : dispatched.plus(10 + random.nextInt(urgent ? 30 : 70), ChronoUnit.MINUTES);
            move("sign", signed, departmentStaff(topic.department()));
            handleAndResolve(topic, signed, dispatched, consultation, roll);
        }

        private void handleAndResolve(Topic topic, Instant signed, Instant dispatched, boolean consultation, int roll) {
            String staff = departmentStaff(topic.department());
            Instant resolved;
            boolean late = random.nextInt(100) < 8;
            if (consultation) {
                resolved = late ? office(nextWeekday(date(signed), 3 + random.nextInt(3))) : signed.plus(40 + random.nextInt(150), ChronoUnit.MINUTES);
            } else if (late) {
                if (random.nextBoolean()) {
                    move("urge", office(nextWeekday(date(dispatched), 4)), pick(MANAGERS)).put("note", "办理时限将至，请抓紧办理并及时答复企业");
                }
                resolved = office(nextWeekday(date(dispatched), 8 + random.nextInt(5)));
            } else if (roll >= 7 && roll < 14) {
                // 延期: asked on the third day, approved at once, resolved within the longer limit.
                int days = 3 + random.nextInt(3);
                Instant asked = office(nextWeekday(date(dispatched), 3));
                move("extension", asked, staff).put("days", days).put("reason", "涉及多部门会商，需现场核查，申请延期" + days + "个工作日");
                move("approve-extension", asked.plus(30 + random.nextInt(120), ChronoUnit.MINUTES), pick(DISPATCHERS));
                resolved = office(nextWeekday(date(dispatched), 5 + random.nextInt(days)));
            } else if (roll >= 14 && roll < 19) {
                // 挂起: waiting for the enterprise's material; the limit stands still meanwhile.
                Instant suspended = office(nextWeekday(date(signed), 1));
                move("suspend", suspended, staff).put("reason", "需企业补充项目备案及相关证明材料");
                Instant resumed = office(nextWeekday(date(suspended), 1 + random.nextInt(3)));
                move("resume", resumed, staff);
                resolved = office(nextWeekday(date(resumed), 1 + random.nextInt(2)));
            } else {
                if (roll >= 19 && roll < 23) {
                    move("urge", office(nextWeekday(date(signed), 1)), pick(MANAGERS)).put("note", "企业再次来电催问，请加快办理");
                } else if (roll >= 23 && roll < 25) {
                    LocalDate by = nextWeekday(date(signed), 4);
                    move("supervise", office(nextWeekday(date(signed), 1)), pick(MANAGERS)).put("deadline", by.toString())
                            .put("note", "企业反映问题较为集中，列入督办，请按期办结并报送结果");
                }
                resolved = office(nextWeekday(date(signed), 1 + random.nextInt(3)));
            }
            resolve(topic, resolved, staff);
            Instant calledBack = office(nextWeekday(date(resolved), 1));
            int rating = random.nextInt(100);
            if (rating < 6) {
                // 重办: unsatisfied and unsolved; the department handles it again and the second call-back is content.
                move("call-back", calledBack, pick(OPERATORS)).put("satisfaction", "UNSATISFIED").put("solved", false)
                        .put("note", "企业表示问题仍未解决");
                Instant again = office(nextWeekday(date(calledBack), 1 + random.nextInt(3)));
                resolve(topic, again, staff);
                callBack(office(nextWeekday(date(again), 1)), random.nextBoolean() ? "SATISFIED" : "BASICALLY_SATISFIED", true);
            } else if (rating < 9) {
                callBack(calledBack, "UNSATISFIED", true);
            } else if (rating < 23) {
                callBack(calledBack, "BASICALLY_SATISFIED", random.nextInt(10) < 9);
            } else {
                callBack(calledBack, "SATISFIED", true);
            }
        }

        private void resolve(Topic topic, Instant at, String staff) {
            move("resolve", at, staff).put("reply", topic.reply()).put("outcome", "已办理");
        }

        private void callBack(Instant at, String satisfaction, boolean solved) {
            move("call-back", at, pick(OPERATORS)).put("satisfaction", satisfaction).put("solved", solved);
        }

        /** A move at {@code at}, or a minute after the one before if it would come earlier; nothing once past the cutoff. */
        private ObjectNode move(String name, Instant at, String actor) {
            Instant when = at.isAfter(last) ? at : last.plus(1, ChronoUnit.MINUTES);
            ObjectNode m = JSON.createObjectNode();
            if (cut || !when.isBefore(cutoff)) {
                cut = true;
                return m; // not added: the ticket is still in hand as of today
            }
            last = when;
            m.put("move", name).put("at", when.toString()).put("actor", actor);
            moves.add(m);
            return m;
        }

        /** Dispatched within the hour in office hours; a ticket taken in the evening or at a weekend the next weekday morning. */
        private Instant dispatchTime(Instant registered) {
            LocalDate day = date(registered);
            LocalTime time = registered.atZone(JINING).toLocalTime();
            if (!weekend(day) && time.isBefore(LocalTime.of(16, 30))) {
                return registered.plus(10 + random.nextInt(50), ChronoUnit.MINUTES);
            }
            return at(nextWeekday(day, 1), 9, random.nextInt(40));
        }

        private Instant office(LocalDate day) {
            return random.nextBoolean() ? at(day, 9 + random.nextInt(3), random.nextInt(60)) : at(day, 14 + random.nextInt(3), random.nextInt(60));
        }

        private String departmentStaff(String department) {
            return department + " 承办人" + (1 + random.nextInt(3));
        }

        private String other(String department) {
            String other;
            do {
                other = pick(DEPARTMENTS);
            } while (other.equals(department));
            return other;
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private String weighted(String[] options, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < options.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return options[i];
                }
            }
            return options[options.length - 1];
        }
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(JINING).toInstant();
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(JINING).toLocalDate();
    }

    /** The {@code n}-th Monday-to-Friday day after {@code day}. */
    private static LocalDate nextWeekday(LocalDate day, int n) {
        LocalDate d = day;
        for (int i = 0; i < n; i++) {
            d = d.plusDays(1);
            while (weekend(d)) {
                d = d.plusDays(1);
            }
        }
        return d;
    }
}
