package com.admissiongate.loadtest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the flood tells a saturated gate's backlog from lost decisions (FloodDriver.Backlog). */
class BacklogTests {

    private static long[] at(int partition, long offset) {
        return new long[] {partition, offset};
    }

    @Test
    void belowTheCommittedOffsetIsLostAtOrAboveIsQueued() {
        FloodDriver.Backlog b = FloodDriver.Backlog.of(List.of(at(0, 10), at(0, 11), at(0, 12), at(1, 5)),
                Map.of(0, 11L, 1, 3L));
        assertEquals(new FloodDriver.Backlog(3, 1, 0), b); // p0@10 was consumed (next to read is 11): lost
    }

    @Test
    void aPartitionTheGroupNeverCommittedIsAllBacklog() {
        assertEquals(new FloodDriver.Backlog(2, 0, 0),
                FloodDriver.Backlog.of(List.of(at(1, 0), at(1, 7)), Map.of(0, 100L)));
        assertEquals(new FloodDriver.Backlog(1, 0, 0), FloodDriver.Backlog.of(List.of(at(0, 0)), Map.of()));
    }

    @Test
    void noBrokerOffsetOrUnreadableGroupCountsAsLostNeverAsBacklog() {
        assertEquals(new FloodDriver.Backlog(1, 1, 1),
                FloodDriver.Backlog.of(Arrays.asList(null, at(0, 50)), Map.of(0, 40L)));
        assertEquals(new FloodDriver.Backlog(0, 2, 2), FloodDriver.Backlog.of(List.of(at(0, 1), at(1, 1)), null));
        assertEquals(new FloodDriver.Backlog(0, 0, 0), FloodDriver.Backlog.of(List.of(), null));
    }
}
