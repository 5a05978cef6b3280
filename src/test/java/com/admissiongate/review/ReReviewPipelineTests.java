package com.admissiongate.review;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The re-review's write pipeline (ReReviewer.Pipeline): page writes in page order, one at a time, failures kept. */
class ReReviewPipelineTests {

    @Test
    void writesRunOneAtATimeInTheOrderTheyWereHandedIn() {
        ReReviewer.Pipeline p = new ReReviewer.Pipeline();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            int page = i;
            // later pages take less time: without the ordering they would finish first
            p.then(() -> Uni.createFrom().item(page)
                    .invoke(x -> {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        log.add("start " + page);
                    })
                    .onItem().delayIt().by(Duration.ofMillis(50 - 10L * page))
                    .invoke(x -> {
                        log.add("end " + page);
                        inFlight.decrementAndGet();
                    })
                    .replaceWithVoid());
        }
        p.last().await().atMost(Duration.ofSeconds(10));

        assertThat(log).containsExactly("start 0", "end 0", "start 1", "end 1", "start 2", "end 2", "start 3", "end 3",
                "start 4", "end 4");
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(p.check()).isNull();
    }

    @Test
    void aFailedWriteIsReportedAndTheWritesAfterItDoNotRun() {
        ReReviewer.Pipeline p = new ReReviewer.Pipeline();
        AtomicInteger ran = new AtomicInteger();
        p.then(() -> Uni.createFrom().voidItem().invoke(ran::incrementAndGet));
        p.then(() -> Uni.createFrom().failure(new IllegalStateException("page 2 could not be written")));
        p.then(() -> Uni.createFrom().voidItem().invoke(ran::incrementAndGet));

        assertThatThrownBy(() -> p.last().await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("page 2 could not be written");
        assertThat(p.check()).hasMessage("page 2 could not be written");
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void withNothingHandedInTheLastWriteIsDoneAtOnce() {
        ReReviewer.Pipeline p = new ReReviewer.Pipeline();
        p.last().await().atMost(Duration.ofSeconds(1));
        assertThat(p.check()).isNull();
    }
}
