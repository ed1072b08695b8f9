package cn.hitech.platform.infra;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Project dossiers for {@code POST /api/projects/import}: the named projects of the seed articles, filled out with
 * plausible ones to a given count and total investment (the 双百工程 list: 181 projects, 1306亿元), each with the
 * history it would have by {@code today} — stages, reached milestones, monthly reports, a few problems. Deterministic
 * for a seed, so the demo and the benchmark always load the same data. Read and written with Jackson, so any name —
 * with quotes, backslashes or control characters — arrives as it was written.
 */
public final class DemoProjects {

    /** How many projects, their total investment in 万元, and whether all of them are already two years under way. */
    public record Scale(int count, long totalWan, boolean allBuilding) {
    }

    private record Plan(String name, String level, String chain, String owner, BigDecimal total, LocalDate start, LocalDate end,
            String location) {
    }

    /** One dossier of {@code POST /api/projects/import} ({@code ImportApi.ProjectDossier} of project-service), field for field. */
    private record Dossier(Registration project, FiveOnes fiveOnes, List<Stage> stages, List<Milestone> milestonesReached,
            List<MonthReport> reports, List<Problem> problems) {
    }

    private record Registration(String name, String level, String category, List<String> lists, String industryChain,
            String ownerCreditCode, BigDecimal totalInvestment, BigDecimal annualPlannedInvestment, String plannedStart, String plannedEnd,
            String location) {
    }

    /** 五个一: the district leader, the 包保责任人, the responsible department and the 工作专班. */
    private record FiveOnes(String leader, String guarantor, String department, String taskForce) {
    }

    private record Stage(String transition, String date) {
    }

    private record Milestone(String code, String actualDate, String evidence) {
    }

    private record MonthReport(String month, BigDecimal cumulativeInvestment, String imageProgress) {
    }

    private record Problem(String category, String urgency, String description, String resolution) {
    }

    /** Amounts as plain decimals ("215000.00", never "2.15E+5"), as the import's {@code @Digits} expects. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private static final String[] LEVELS = {"PROVINCIAL_MAJOR", "PROVINCIAL_KEY", "MUNICIPAL_KEY", "DISTRICT_KEY"};
    private static final String[] CHAINS = {"HIGH_END_EQUIPMENT", "HIGH_END_EQUIPMENT", "PHARMA_HEALTH", "NEW_MATERIALS_ENERGY",
        "NEXT_GENERATION_IT", "AUTO_PARTS", "MODERN_SERVICES"};
    private static final String[] PREFIXES = {"济宁", "鲁南", "高新", "运河", "洸府河", "太白湖", "如意", "英特力", "华勤", "天一", "联诚",
        "金宇", "安翔", "海达", "科利", "盛泰", "鲁润", "新风光", "浩珂", "泰丰"};
    private static final String[][] OBJECTS = {
        {"智能装备产业园", "高端液压件智能制造项目", "工程机械再制造基地", "精密铸造项目", "智能农机装备项目"},
        {"智能装备产业园", "高端轴承项目", "数控机床项目", "矿山机械智造项目", "工业机器人项目"},
        {"生物医药产业园", "创新药研发中试基地", "医疗器械产业园", "原料药绿色升级项目", "中药现代化项目"},
        {"新能源电池材料项目", "光伏组件项目", "碳纤维复合材料项目", "氢能装备项目", "储能系统集成项目"},
        {"数字经济产业园", "半导体封测项目", "智能终端制造项目", "工业互联网平台项目", "算力中心项目"},
        {"汽车零部件智能制造项目", "新能源汽车电驱项目", "汽车轻量化部件项目", "商用车车桥项目", "线束总成项目"},
        {"现代物流园", "科创孵化中心", "人才公寓项目", "会展中心项目", "跨境电商产业园"}};
    private static final String[] DEPARTMENTS = {"经济发展局", "科技创新局", "投资促进局", "建设管理局", "自然资源和规划分局", "黄屯街道",
        "柳行街道", "接庄街道", "王因街道", "洸河街道"};
    private static final String[] LEADERS = {"王副区长", "李副区长", "张副主任", "刘副主任", "陈副区长", "赵副主任"};
    private static final String[] GUARANTORS = {"孙局长", "周主任", "吴局长", "郑主任", "冯书记", "褚局长", "卫主任", "蒋局长"};
    private static final String[] PROBLEMS = {"LAND|用地指标尚未落实，影响二期开工", "FUNDS|项目贷款审批进度慢，资金到位不足",
        "LABOUR|技术工人招聘困难，用工缺口约80人", "ENERGY|新增能耗指标未获批", "APPROVAL|施工许可办理材料需补正",
        "UTILITIES|厂区双回路供电尚未接入"};

    private DemoProjects() {
    }

    /** One dossier (JSON) a project: the named ones first, then generated ones up to the scale. */
    public static List<String> dossiers(List<String> namedProjects, List<String> owners, Scale scale, LocalDate today, long seed) {
        Random rng = new Random(seed);
        List<Plan> plans = new ArrayList<>();
        for (String line : namedProjects) {
            if (plans.size() < scale.count()) {
                plans.add(named(line));
            }
        }
        if (scale.allBuilding()) {
            plans.clear();
        }
        BigDecimal named = plans.stream().map(Plan::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        int generated = scale.count() - plans.size();
        BigDecimal rest = BigDecimal.valueOf(scale.totalWan()).subtract(named);
        if (rest.compareTo(BigDecimal.valueOf(1000L * generated)) < 0) {
            throw new IllegalArgumentException("a total of " + scale.totalWan() + " 万元 leaves too little for " + generated
                    + " projects beside the named ones (" + named + " 万元)");
        }
        List<BigDecimal> amounts = split(rest, generated, rng);
        Set<String> names = new HashSet<>(plans.stream().map(Plan::name).toList());
        for (int i = 0; i < generated; i++) {
            int chain = rng.nextInt(CHAINS.length);
            String name = PREFIXES[rng.nextInt(PREFIXES.length)] + OBJECTS[chain][rng.nextInt(OBJECTS[chain].length)]
                    + (rng.nextInt(4) == 0 ? "（二期）" : "");
            if (!names.add(name)) {
                name = name + "（" + (i + 1) + "号）";
                names.add(name);
            }
            LocalDate start = scale.allBuilding() ? today.minusMonths(27 + rng.nextInt(4)).withDayOfMonth(1 + rng.nextInt(28))
                    : LocalDate.of(2023, 1, 1).plusDays(rng.nextInt(365 * 4));
            LocalDate end = start.plusMonths(scale.allBuilding() ? 30 + rng.nextInt(19) : 12 + rng.nextInt(25));
            BigDecimal total = amounts.get(i);
            String level = total.compareTo(BigDecimal.valueOf(200_000)) >= 0 ? LEVELS[rng.nextInt(2)]
                    : total.compareTo(BigDecimal.valueOf(50_000)) >= 0 ? LEVELS[2] : LEVELS[3];
            plans.add(new Plan(name, level, CHAINS[chain], owners.get(rng.nextInt(owners.size())), total, start, end, "济宁高新区"));
        }
        List<String> dossiers = new ArrayList<>();
        for (Plan plan : plans) {
            dossiers.add(write(dossier(plan, rng, today, scale.allBuilding())));
        }
        return dossiers;
    }

    /** A project of {@code 20-projects.named.jsonl}; amounts may be JSON numbers or strings, the owner may be missing. */
    private static Plan named(String line) {
        JsonNode project;
        try {
            project = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InfraException("demo project is not JSON (" + e.getOriginalMessage() + "): " + line);
        }
        JsonNode owner = project.get("ownerCreditCode");
        return new Plan(text(project, "name", line), text(project, "level", line), text(project, "industryChain", line),
                owner == null || owner.isNull() ? null : owner.asText(), new BigDecimal(text(project, "totalInvestment", line)),
                LocalDate.parse(text(project, "plannedStart", line)), LocalDate.parse(text(project, "plannedEnd", line)),
                text(project, "location", line));
    }

    private static String text(JsonNode project, String field, String line) {
        JsonNode value = project.get(field);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new InfraException("demo project without " + field + ": " + line);
        }
        return value.asText();
    }

    private static String write(Dossier dossier) {
        try {
            return JSON.writeValueAsString(dossier);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dossier cannot be written as JSON", e);
        }
    }

    /** Splits {@code total} into {@code parts} amounts of whole hundreds of 万元, skewed as real project sizes are. */
    private static List<BigDecimal> split(BigDecimal total, int parts, Random rng) {
        List<BigDecimal> amounts = new ArrayList<>();
        if (parts == 0) {
            return amounts;
        }
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = Math.exp(rng.nextGaussian() * 0.8);
            sum += weights[i];
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < parts; i++) {
            BigDecimal amount = total.multiply(BigDecimal.valueOf(weights[i] / sum)).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                    .multiply(BigDecimal.valueOf(100)).max(BigDecimal.valueOf(1000));
            amounts.add(amount);
            given = given.add(amount);
        }
        amounts.set(0, amounts.get(0).add(total.subtract(given)));
        return amounts;
    }

    // The random draws below keep the order they always had: the same seed gives the same dossiers as before.
    private static Dossier dossier(Plan p, Random rng, LocalDate today, boolean allBuilding) {
        String category = p.chain().equals("MODERN_SERVICES") ? "PUBLIC_SERVICE" : "INDUSTRIAL";
        BigDecimal annual = p.total().multiply(BigDecimal.valueOf(20 + rng.nextInt(26))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        Registration registration = new Registration(p.name(), p.level(), category, List.of("双百工程"), p.chain(), p.owner(),
                p.total().setScale(2), annual, p.start().toString(), p.end().toString(), p.location());
        String department = DEPARTMENTS[rng.nextInt(DEPARTMENTS.length)];
        String leader = LEADERS[rng.nextInt(LEADERS.length)];
        FiveOnes fiveOnes = new FiveOnes(leader, GUARANTORS[rng.nextInt(GUARANTORS.length)], department, p.name() + "工作专班");

        LocalDate signed = p.start().minusDays(30 + rng.nextInt(90));
        LocalDate started = null;
        LocalDate completed = null;
        List<Stage> stages = new ArrayList<>();
        if (!signed.isAfter(today)) {
            stages.add(stage("SIGN", signed));
            if (!p.start().isAfter(today) && (allBuilding || rng.nextDouble() < 0.88)) {
                started = min(p.start().plusDays(rng.nextInt(46)), today);
                stages.add(stage("START", started));
                if (!allBuilding && !p.end().isAfter(today) && rng.nextDouble() < 0.8) {
                    completed = min(max(p.end().plusDays(rng.nextInt(81) - 20), started.plusDays(30)), today);
                    stages.add(stage("COMPLETE", completed));
                    LocalDate operation = completed.plusDays(20 + rng.nextInt(71));
                    if (!operation.isAfter(today) && rng.nextDouble() < 0.75) {
                        stages.add(stage("PUT_INTO_OPERATION", operation));
                        LocalDate capacity = operation.plusDays(90 + rng.nextInt(211));
                        if (!capacity.isAfter(today) && rng.nextDouble() < 0.35) {
                            stages.add(stage("REACH_CAPACITY", capacity));
                        }
                    }
                }
            }
        }

        List<Milestone> reached = new ArrayList<>();
        if (started != null) {
            reached.add(milestone("PROJECT_APPROVAL", min(signed.plusDays(5 + rng.nextInt(20)), started.minusDays(60)), "项目备案证明"));
            reached.add(milestone("LAND", started.minusDays(40 + rng.nextInt(15)), "不动产权证书"));
            reached.add(milestone("PLANNING_PERMIT", started.minusDays(20 + rng.nextInt(15)), "建设工程规划许可证"));
            reached.add(milestone("CONSTRUCTION_PERMIT", started.minusDays(3 + rng.nextInt(12)), "建筑工程施工许可证"));
            long duration = ChronoUnit.DAYS.between(p.start(), p.end());
            LocalDate topping = started.plusDays(duration * 55 / 100 + rng.nextInt(61) - 15);
            if (!topping.isAfter(today) && rng.nextDouble() < 0.9) {
                reached.add(milestone("TOPPING_OUT", topping, "主体结构封顶，监理单位确认"));
            }
        }

        List<MonthReport> reports = new ArrayList<>();
        if (started != null) {
            double pace = allBuilding ? 0.7 + rng.nextDouble() * 0.4 : 0.55 + rng.nextDouble() * 0.55;
            long span = Math.max(1, ChronoUnit.DAYS.between(p.start(), p.end()));
            YearMonth last = YearMonth.from(today).minusMonths(1);
            YearMonth end = completed == null ? last : min(YearMonth.from(completed), last);
            boolean skipLast = !allBuilding && rng.nextDouble() < 0.08;
            BigDecimal previous = BigDecimal.ZERO;
            for (YearMonth month = YearMonth.from(started); !month.isAfter(end); month = month.plusMonths(1)) {
                if (skipLast && month.equals(last)) {
                    break;
                }
                double f = Math.min(1, Math.max(0, ChronoUnit.DAYS.between(started, month.atEndOfMonth()) / (double) span));
                double share = completed != null && month.equals(end) ? 0.95 + rng.nextDouble() * 0.05 : Math.min(1, f * f * (3 - 2 * f) * pace + 0.02);
                BigDecimal cumulative = p.total().multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.DOWN).max(previous);
                previous = cumulative;
                reports.add(new MonthReport(month.toString(), cumulative, imageProgress(f)));
            }
        }

        List<Problem> problems = new ArrayList<>();
        if (started != null && rng.nextDouble() < 0.25) {
            String[] problem = PROBLEMS[rng.nextInt(PROBLEMS.length)].split("\\|");
            String urgency = rng.nextBoolean() ? "URGENT" : "NORMAL";
            problems.add(new Problem(problem[0], urgency, problem[1], rng.nextBoolean() ? "已协调相关部门解决" : null));
        }
        return new Dossier(registration, fiveOnes, stages, reached, reports, problems);
    }

    private static String imageProgress(double f) {
        if (f < 0.15) {
            return "场地平整及基础施工";
        }
        if (f < 0.45) {
            return "主体结构施工";
        }
        if (f < 0.7) {
            return "主体封顶，外立面及机电安装";
        }
        if (f < 0.95) {
            return "设备安装调试";
        }
        return "竣工验收及试生产";
    }

    private static Stage stage(String transition, LocalDate date) {
        return new Stage(transition, date.toString());
    }

    private static Milestone milestone(String code, LocalDate date, String evidence) {
        return new Milestone(code, date.toString(), evidence);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
