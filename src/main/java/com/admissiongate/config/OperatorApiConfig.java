package com.admissiongate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Operator API: rule-pack uploads and activation, dry runs (prefix {@code gate.ops}). */
@ConfigMapping(prefix = "gate.ops")
public interface OperatorApiConfig {

    /** How often each replica reads the active pack version from the database; bounds how long replicas disagree. */
    @WithDefault("3s")
    Duration packPollInterval();

    /** Largest rule-pack zip accepted (bytes); bigger uploads are refused before they are read. */
    @WithDefault("2097152")
    long packMaxZipSize();

    /** Sum of the uncompressed sizes of a pack zip's entries (bytes); beyond it the zip is a bomb. */
    @WithDefault("16777216")
    long packMaxUncompressed();

    /** Most entries (files and directories) of a pack zip. */
    @WithDefault("2000")
    int packMaxEntries();

    /** Largest N of a dry run over the last N verdicts. */
    @WithDefault("1000")
    int dryRunMax();
}
