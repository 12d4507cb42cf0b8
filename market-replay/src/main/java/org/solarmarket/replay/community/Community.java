package org.solarmarket.replay.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The households of a replay: prosumers with rooftop PV and consumers without. Sizes are drawn
 * from a seeded generator, so one seed always gives the same community.
 */
public final class Community {

    private final List<Member> members;

    private Community(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /**
     * Builds a community. Prosumers get 3 to 10 kW of PV and 3,000 to 5,500 kWh a year of load.
     * Consumers get 2,000 to 6,000 kWh a year, the range of single-family houses.
     */
    public static Community build(int prosumers, int consumers, long seed, String idPrefix) {
        if (prosumers < 0 || consumers < 0 || prosumers + consumers == 0) {
            throw new IllegalArgumentException("invalid community of " + prosumers + " prosumers and " + consumers
                    + " consumers: both counts must be at least 0 and their sum at least 1");
        }
        Random random = new Random(seed);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < prosumers; i++) {
            members.add(new Member(String.format("%sprosumer-%02d", idPrefix, i + 1), round(3 + 7 * random.nextDouble()),
                    Math.round(3000 + 2500 * random.nextDouble()), random.nextInt(29) - 14, random.nextDouble()));
        }
        for (int i = 0; i < consumers; i++) {
            members.add(new Member(String.format("%sconsumer-%02d", idPrefix, i + 1), 0.0,
                    Math.round(2000 + 4000 * random.nextDouble()), random.nextInt(29) - 14, random.nextDouble()));
        }
        return new Community(members);
    }

    public List<Member> members() {
        return members;
    }

    public List<Member> prosumers() {
        return members.stream().filter(Member::isProsumer).toList();
    }

    public List<Member> consumers() {
        return members.stream().filter(m -> !m.isProsumer()).toList();
    }

    private static double round(double kw) {
        return Math.round(kw * 10.0) / 10.0;
    }
}
