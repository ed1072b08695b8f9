package cn.hitech.enterprise.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 自动分配: picks a commissioner for an enterprise — of its own grid first, then of its street or park, then (if the
 * reach allows) anyone — always the least loaded one below their cap, ties going to the smaller code, so a run is
 * deterministic. It only plans and counts; the caller writes each placement through the register.
 */
final class LoadBalancer {

    /** Where the chosen commissioner works, seen from the enterprise. */
    enum Tier {
        SAME_GRID("同网格"), SAME_STREET("同街道/园区"), ELSEWHERE("跨街道/园区");

        final String label;

        Tier(String label) {
            this.label = label;
        }
    }

    /** Why an enterprise stays without a commissioner. */
    enum Unplaced {
        NO_GRID("企业未归属已知网格，且分配范围不允许跨网格"), ALL_FULL("范围内的服务专员均已达到服务上限");

        final String label;

        Unplaced(String label) {
            this.label = label;
        }
    }

    /** One active commissioner, with the cap that applies to them and the load they carry. */
    static final class Seat {
        final String code;
        final String name;
        final String home;
        final String top;
        final int cap;
        long load;
        int received;

        Seat(String code, String name, String home, String top, int cap, long load) {
            this.code = code;
            this.name = name;
            this.home = home;
            this.top = top;
            this.cap = cap;
            this.load = load;
        }
    }

    /** The outcome for one enterprise: a commissioner and the tier, or why none. */
    record Placement(Seat seat, Tier tier, Unplaced unplaced) {
        boolean placed() {
            return seat != null;
        }
    }

    private static final Comparator<Seat> LEAST_LOADED = Comparator.<Seat>comparingLong(s -> s.load).thenComparing(s -> s.code);

    private final GridTree tree;
    private final List<Seat> seats;
    private final Map<String, List<Seat>> byHome = new HashMap<>();
    private final Map<String, List<Seat>> byTop = new HashMap<>();

    LoadBalancer(GridTree tree, Collection<Commissioner> active, Map<String, Long> loads, int zoneCap) {
        this.tree = tree;
        this.seats = new ArrayList<>();
        for (Commissioner c : active) {
            Seat seat = new Seat(c.code, c.name, c.homeGrid, tree.topOf(c.homeGrid), c.cap(zoneCap), loads.getOrDefault(c.code, 0L));
            seats.add(seat);
            byHome.computeIfAbsent(seat.home, h -> new ArrayList<>()).add(seat);
            byTop.computeIfAbsent(seat.top, t -> new ArrayList<>()).add(seat);
        }
    }

    /** Chooses for an enterprise in {@code gridCode} (empty: no known grid) and counts the seat as taken. */
    Placement place(Optional<String> gridCode, AssignmentReach reach) {
        Optional<Seat> seat = Optional.empty();
        Tier tier = null;
        if (gridCode.isPresent()) {
            seat = leastLoaded(byHome.getOrDefault(gridCode.get(), List.of()));
            tier = Tier.SAME_GRID;
            if (seat.isEmpty() && reach != AssignmentReach.GRID) {
                seat = leastLoaded(byTop.getOrDefault(tree.topOf(gridCode.get()), List.of()));
                tier = Tier.SAME_STREET;
            }
        } else if (reach != AssignmentReach.ZONE) {
            return new Placement(null, null, Unplaced.NO_GRID);
        }
        if (seat.isEmpty() && reach == AssignmentReach.ZONE) {
            seat = leastLoaded(seats);
            tier = Tier.ELSEWHERE;
        }
        if (seat.isEmpty()) {
            return new Placement(null, null, Unplaced.ALL_FULL);
        }
        Seat chosen = seat.get();
        chosen.load++;
        chosen.received++;
        return new Placement(chosen, tier, null);
    }

    /** The seats that received enterprises in this run, by code. */
    List<Seat> receivers() {
        return seats.stream().filter(s -> s.received > 0).sorted(Comparator.comparing(s -> s.code)).toList();
    }

    private static Optional<Seat> leastLoaded(List<Seat> candidates) {
        return candidates.stream().filter(s -> s.load < s.cap).min(LEAST_LOADED);
    }
}
