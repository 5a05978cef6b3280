package com.admissiongate.it;

import com.admissiongate.analysis.PackActivated;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: every PackActivated event this replica fired, as re-review would receive it. Singleton: the test
 * reads the field directly, which a client proxy would hide. */
@Singleton
public class PackActivatedRecorder {

    final List<PackActivated> events = new CopyOnWriteArrayList<>();

    void on(@Observes PackActivated e) {
        events.add(e);
    }
}
