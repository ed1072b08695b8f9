package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.domain.CreditCode;

/** The demo register: the zone's size, valid and distinct codes, commissioners within their cap and grid, sane figures. */
class DemoEnterprisesTest {

    private static final List<String> GRIDS = IntStream.rangeClosed(1, 31).mapToObj(i -> "G-" + i).toList();
    private static final Map<String, String> SEEDS = new LinkedHashMap<>(Map.of("913708005DJJR2UA03", "山推工程机械股份有限公司",
            "91370800C490JW5XDE", "浩珂科技有限公司", "91370800QGNYFNAH78", "辰欣药业股份有限公司"));

    @Test
    void theRegisterIsTheZonesSizeWithValidDistinctCodesAndTheSeedsKept() {
        List<DemoEnterprises.Commissioner> team = DemoEnterprises.commissioners(GRIDS);
        List<DemoEnterprises.Enterprise> register = DemoEnterprises.register(SEEDS, GRIDS, team);
        assertEquals(1_091, team.size());
        assertEquals(27_000, register.size());
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (DemoEnterprises.Enterprise e : register) {
            assertTrue(CreditCode.isValid(e.creditCode()), e.creditCode());
            assertTrue(codes.add(e.creditCode()), "twice: " + e.creditCode());
            assertTrue(names.add(e.name()), "name twice: " + e.name());
            assertTrue(e.rdSpend().compareTo(e.revenue2025()) <= 0 && e.highTechRevenue().compareTo(e.revenue2025()) <= 0, e.toString());
            assertTrue(e.rdStaff() <= e.employees(), e.toString());
        }
        SEEDS.forEach((code, name) -> assertTrue(register.stream().anyMatch(e -> e.creditCode().equals(code) && e.name().equals(name)), name));
        assertEquals(register, DemoEnterprises.register(SEEDS, GRIDS, team), "the same every run");
    }

    @Test
    void everyCommissionerHasAtMost25EnterprisesOfTheirOwnGrid() {
        List<DemoEnterprises.Commissioner> team = DemoEnterprises.commissioners(GRIDS);
        Map<String, String> home = new HashMap<>();
        team.forEach(c -> home.put(c.code(), c.homeGrid()));
        Map<String, Integer> load = new HashMap<>();
        long without = 0;
        for (DemoEnterprises.Enterprise e : DemoEnterprises.register(SEEDS, GRIDS, team)) {
            if (e.commissioner() == null) {
                without++;
                continue;
            }
            assertEquals(e.grid(), home.get(e.commissioner()), e.creditCode());
            load.merge(e.commissioner(), 1, Integer::sum);
        }
        assertTrue(load.values().stream().allMatch(n -> n <= 25), "a commissioner over 25");
        assertTrue(without < 27_000 / 100, "nearly everyone looked after: " + without + " without");
    }

    @Test
    void theSeedsHonoursAreThereAndThePoolHoldsNoneAlreadyQualified() {
        List<DemoEnterprises.Commissioner> team = DemoEnterprises.commissioners(GRIDS);
        List<DemoEnterprises.Enterprise> register = DemoEnterprises.register(SEEDS, GRIDS, team);
        List<DemoEnterprises.Honour> honours = DemoEnterprises.honours(register);
        assertTrue(honours.contains(new DemoEnterprises.Honour("91370800C490JW5XDE", "SINGLE_CHAMPION", "NATIONAL", 2024)));
        assertTrue(honours.contains(new DemoEnterprises.Honour("91370800C490JW5XDE", "GREEN_FACTORY", "NATIONAL", 2023)));
        long highTech = honours.stream().filter(h -> h.kind().equals("HIGH_TECH")).count();
        assertTrue(highTech > 100 && highTech < 2_000, "高企 " + highTech);
        Set<String> once = new HashSet<>();
        honours.forEach(h -> assertTrue(once.add(h.creditCode() + h.kind() + h.level() + h.year()), "granted twice: " + h));
        List<String> pool = DemoEnterprises.cultivationPool(register, honours);
        assertEquals(40, pool.size());
        assertEquals(40, new HashSet<>(pool).size());
        honours.stream().filter(h -> h.kind().startsWith("ZJTX")).forEach(h -> assertTrue(!pool.contains(h.creditCode()), h.toString()));
        String csv = DemoEnterprises.csv(register, 2025);
        assertEquals(27_001, csv.split("\n").length);
        assertTrue(csv.startsWith(DemoEnterprises.CSV_HEADER + "\n"));
    }
}
