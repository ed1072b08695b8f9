package cn.hitech.platform.infra;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.hitech.platform.domain.CreditCode;

/**
 * The zone's register for the demo (seeded, so every run gets the same): the seed enterprises of
 * {@code 10-enterprises.jsonl} and the named ones the seeds report, filled out to {@value #ENTERPRISES} enterprises
 * across the grids, looked after by {@value #COMMISSIONERS} service commissioners (服务专员, about 25 each, in their own
 * grid), with two years of figures, the honours the seeds report (浩珂科技 单项冠军 …) and a plausible share of
 * 高新技术企业 and 专精特新 among the rest. Everything goes in through the public API: the bulk import (CSV), the
 * commissioners' and the qualifications' endpoints.
 */
final class DemoEnterprises {

    static final int ENTERPRISES = 27_000;
    static final int COMMISSIONERS = 1_091;
    static final int CULTIVATION_POOL = 40;
    static final String CSV_HEADER = "统一社会信用代码,企业名称,法定代表人,行业代码,规模,注册资本(万元),地址,网格,服务专员,经营状态,成立日期,入区日期,"
            + "年度,营业收入(万元),研发投入(万元),高新技术产品收入(万元),从业人员,研发人员";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
            "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
            "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "文博", "子涵", "雨欣", "浩然", "思远"};
    private static final String[] WORDS = {"鲁", "济", "高新", "崇文", "圣城", "运河", "泉", "宏", "瑞", "恒", "盛", "华", "鼎", "润", "博", "创",
            "智", "科", "联", "达", "信", "诚", "祥", "海", "岳", "泰", "昌", "远", "德", "兴", "丰", "宇", "晟", "卓", "越", "鑫"};
    /** GB/T 4754 classes of the zone's chains (工程机械, 医药, 新能源与电气, 电子信息, 软件, 研发服务, 商贸) and their share. */
    private static final String[][] INDUSTRIES = {
            {"C3514", "机械", "8"}, {"C3511", "机械", "3"}, {"C3484", "机械", "6"}, {"C3453", "传动", "3"}, {"C3491", "智能装备", "2"},
            {"C3670", "汽车零部件", "5"}, {"C2720", "制药", "3"}, {"C2761", "生物科技", "3"}, {"C3584", "医疗器械", "2"},
            {"C3823", "电气", "4"}, {"C3825", "新能源", "2"}, {"C3841", "新能源科技", "2"}, {"C3972", "电子", "2"},
            {"C3912", "信息技术", "2"}, {"I6513", "软件", "8"}, {"I6531", "信息科技", "4"}, {"M7320", "技术研究", "3"},
            {"M7520", "科技服务", "4"}, {"F51", "商贸", "12"}, {"F52", "商贸", "6"}, {"E48", "建设工程", "6"}, {"L72", "企业管理", "5"},
            {"G54", "物流", "5"}};
    private static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "科技有限公司"};

    /** An enterprise of the demo register. */
    record Enterprise(String creditCode, String name, String industryCode, boolean aboveScale, String grid, String commissioner,
            BigDecimal revenue2025, BigDecimal revenue2024, BigDecimal rdSpend, BigDecimal highTechRevenue, int employees, int rdStaff,
            BigDecimal capital, LocalDate established) {
    }

    /** A commissioner of the demo team: code, name, phone and home grid. */
    record Commissioner(String code, String name, String phone, String homeGrid) {
    }

    /** A qualification to grant: whom, kind, level and year. */
    record Honour(String creditCode, String kind, String level, int year) {
    }

    private DemoEnterprises() {
    }

    /** {@value #COMMISSIONERS} commissioners spread evenly over {@code grids} (grid codes), ~35 per grid. */
    static List<Commissioner> commissioners(List<String> grids) {
        SplittableRandom random = new SplittableRandom(11);
        List<Commissioner> team = new ArrayList<>();
        for (int i = 0; i < COMMISSIONERS; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            team.add(new Commissioner(String.format("ZY%04d", i + 1), name, String.format("1390537%04d", i + 1), grids.get(i % grids.size())));
        }
        return team;
    }

    /**
     * The register: the seed enterprises first (keeping their codes and names), then generated ones up to
     * {@value #ENTERPRISES}; each in a grid, with a commissioner of that grid, never more than 25 per commissioner.
     */
    static List<Enterprise> register(Map<String, String> seeds, List<String> grids, List<Commissioner> team) {
        SplittableRandom random = new SplittableRandom(27);
        Map<String, List<String>> byGrid = new LinkedHashMap<>();
        team.forEach(c -> byGrid.computeIfAbsent(c.homeGrid(), g -> new ArrayList<>()).add(c.code()));
        Map<String, Integer> placed = new LinkedHashMap<>();
        int total = 0;
        for (String[] industry : INDUSTRIES) {
            total += Integer.parseInt(industry[2]);
        }
        List<Enterprise> register = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>(seeds.values());
        List<Map.Entry<String, String>> named = new ArrayList<>(seeds.entrySet());
        for (int i = 0; i < ENTERPRISES; i++) {
            String code;
            String name;
            String[] industry = pick(random, total);
            if (i < named.size()) {
                code = named.get(i).getKey();
                name = named.get(i).getValue();
                industry = name.contains("药") || name.contains("生物") ? INDUSTRIES[6] : INDUSTRIES[0];
            } else {
                code = CreditCode.random("91370800", random);
                do {
                    name = "济宁" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)] + industry[1]
                            + FORMS[random.nextInt(FORMS.length)];
                    if (names.contains(name)) {
                        name = name.replace("济宁", "山东");
                    }
                } while (!names.add(name) && names.size() < ENTERPRISES * 4);
            }
            String grid = grids.get(i % grids.size());
            String commissioner = null;
            for (String candidate : byGrid.getOrDefault(grid, List.of())) {
                if (placed.getOrDefault(candidate, 0) < 25) {
                    commissioner = candidate;
                    placed.merge(candidate, 1, Integer::sum);
                    break;
                }
            }
            boolean above = i < named.size() || random.nextInt(100) < 9;
            double base = above ? 2_000 + Math.exp(random.nextDouble(0, 6.5)) * 20 : 30 + random.nextDouble(0, 1_800);
            BigDecimal revenue = wan(base);
            BigDecimal previous = wan(base / (0.85 + random.nextDouble(0, 0.5)));
            boolean techy = industry[0].startsWith("C") || industry[0].startsWith("I") || industry[0].startsWith("M");
            double rdShare = techy ? random.nextDouble(0.005, 0.08) : random.nextDouble(0, 0.01);
            int employees = (int) Math.max(3, base / (above ? 60 : 25) + random.nextInt(20));
            int rdStaff = techy ? (int) (employees * random.nextDouble(0.02, 0.25)) : 0;
            BigDecimal highTech = techy ? wan(base * random.nextDouble(0.2, 0.9)) : BigDecimal.ZERO.setScale(2);
            register.add(new Enterprise(code, name, industry[0], above, grid, commissioner, revenue, previous, wan(base * rdShare), highTech,
                    employees, rdStaff, wan(above ? 1_000 + random.nextInt(20_000) : 10 + random.nextInt(990)),
                    LocalDate.of(1995 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        }
        return register;
    }

    /** The register as the bulk import's CSV, with the figures of {@code year} (2025, or 2024 for the year before). */
    static String csv(List<Enterprise> register, int year) {
        SplittableRandom random = new SplittableRandom(year);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Enterprise e : register) {
            BigDecimal revenue = year == 2025 ? e.revenue2025() : e.revenue2024();
            BigDecimal scale = revenue.divide(e.revenue2025(), 6, RoundingMode.HALF_UP);
            csv.append(e.creditCode()).append(',').append(e.name()).append(',')
                    .append(SURNAMES[random.nextInt(SURNAMES.length)]).append(GIVEN[random.nextInt(GIVEN.length)]).append(',')
                    .append(e.industryCode()).append(',').append(e.aboveScale() ? "规上" : "规下").append(',').append(e.capital()).append(',')
                    .append("山东省济宁高新区").append(e.grid()).append("片区").append(',').append(e.grid()).append(',')
                    .append(e.commissioner() == null ? "" : e.commissioner()).append(",在营,").append(e.established()).append(',')
                    .append(e.established().isBefore(LocalDate.of(2008, 1, 1)) ? LocalDate.of(2008, 3, 1) : e.established()).append(',')
                    .append(year).append(',').append(revenue).append(',').append(wan(e.rdSpend().doubleValue() * scale.doubleValue()))
                    .append(',').append(wan(e.highTechRevenue().doubleValue() * scale.doubleValue())).append(',').append(e.employees())
                    .append(',').append(e.rdStaff()).append('\n');
        }
        return csv.toString();
    }

    /**
     * The honours the seeds report for the seed enterprises (by name), then a share of 高新技术企业, 专精特新中小企业,
     * 科技型中小企业 and 瞪羚 among the generated enterprises that would plausibly hold them.
     */
    static List<Honour> honours(List<Enterprise> register) {
        List<Honour> honours = new ArrayList<>();
        Map<String, String[][]> reported = Map.of(
                "浩珂科技", new String[][] {{"SINGLE_CHAMPION", "NATIONAL", "2024"}, {"GREEN_FACTORY", "NATIONAL", "2023"}},
                "山推工程机械", new String[][] {{"SMART_MANUFACTURING_DEMO", "NATIONAL", "2024"}, {"HIGH_TECH", "NATIONAL", "2024"}},
                "拓新电气", new String[][] {{"KEY_LITTLE_GIANT", "NATIONAL", "2023"}, {"GREEN_FACTORY", "NATIONAL", "2024"}},
                "赛瓦特", new String[][] {{"LITTLE_GIANT", "NATIONAL", "2024"}},
                "源根石油化工", new String[][] {{"LITTLE_GIANT", "NATIONAL", "2024"}},
                "永生重工", new String[][] {{"GREEN_FACTORY", "PROVINCIAL", "2024"}},
                "辰欣药业", new String[][] {{"HIGH_TECH", "NATIONAL", "2024"}, {"ENTERPRISE_TECH_CENTER", "NATIONAL", "2022"}},
                "鲁抗", new String[][] {{"HIGH_TECH", "NATIONAL", "2023"}},
                "大京机械", new String[][] {{"ZJTX_SME", "PROVINCIAL", "2024"}});
        for (Enterprise e : register) {
            reported.forEach((name, list) -> {
                if (e.name().contains(name)) {
                    for (String[] h : list) {
                        honours.add(new Honour(e.creditCode(), h[0], h[1], Integer.parseInt(h[2])));
                    }
                }
            });
        }
        SplittableRandom random = new SplittableRandom(4754);
        for (Enterprise e : register.subList(Math.min(register.size(), 40), register.size())) {
            boolean techy = e.rdStaff() > 0 && e.rdSpend().signum() > 0;
            int roll = random.nextInt(1000);
            if (techy && e.aboveScale() && roll < 180) {
                honours.add(new Honour(e.creditCode(), "HIGH_TECH", "NATIONAL", 2023 + random.nextInt(3)));
                if (roll < 40) {
                    honours.add(new Honour(e.creditCode(), "ZJTX_SME", "PROVINCIAL", 2024));
                }
                if (roll < 4) {
                    honours.add(new Honour(e.creditCode(), "LITTLE_GIANT", "NATIONAL", 2025));
                }
                if (roll >= 170) {
                    honours.add(new Honour(e.creditCode(), "GAZELLE", "PROVINCIAL", 2025));
                }
            } else if (techy && roll < 25) {
                honours.add(new Honour(e.creditCode(), "TECH_SME", "NATIONAL", 2025));
            }
        }
        return honours;
    }

    /**
     * The 专精特新 cultivation pool (培育库): {@value #CULTIVATION_POOL} above-scale manufacturers with R&D and no 专精特新
     * qualification yet, the ones nearest the thresholds first (R&D share of revenue, then revenue).
     */
    static List<String> cultivationPool(List<Enterprise> register, List<Honour> honours) {
        java.util.Set<String> held = new java.util.HashSet<>();
        honours.stream().filter(h -> h.kind().startsWith("ZJTX") || h.kind().contains("GIANT")).forEach(h -> held.add(h.creditCode()));
        return register.stream().filter(e -> e.aboveScale() && e.industryCode().startsWith("C") && !held.contains(e.creditCode())
                        && e.rdSpend().signum() > 0)
                .sorted(java.util.Comparator.comparing((Enterprise e) -> e.rdSpend().divide(e.revenue2025(), 6, RoundingMode.HALF_UP))
                        .reversed().thenComparing(Enterprise::revenue2025, java.util.Comparator.reverseOrder()))
                .limit(CULTIVATION_POOL).map(Enterprise::creditCode).toList();
    }

    private static String[] pick(SplittableRandom random, int total) {
        int roll = random.nextInt(total);
        for (String[] industry : INDUSTRIES) {
            roll -= Integer.parseInt(industry[2]);
            if (roll < 0) {
                return industry;
            }
        }
        return INDUSTRIES[0];
    }

    private static BigDecimal wan(double value) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(2, RoundingMode.HALF_UP);
    }
}
