package com.admissiongate.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock for deadlines, re-review schedules and decision times. Tests that need to move time (deadline expiry,
 * daily selection) replace it with their own {@code @Alternative} or a mutable clock bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
