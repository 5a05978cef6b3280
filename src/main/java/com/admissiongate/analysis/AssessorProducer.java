package com.admissiongate.analysis;

import com.admissiongate.config.GateConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the assessor the pipeline runs. */
@ApplicationScoped
public class AssessorProducer {

    @Produces
    @ApplicationScoped
    Assessor assessor(GateConfig config, ObjectMapper mapper) {
        return new ArchiveIntegrityAssessor(config.archive(), mapper);
    }
}
