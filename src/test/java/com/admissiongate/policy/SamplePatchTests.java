package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SamplePatchTests {

    private static final JsonNode BASE = PolicyTestSupport.json(
            "{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\",\"e\":true}");

    @Test
    void shouldMergeObjectsReplaceArraysKeepNullAndDeleteMarkedKeys() {
        JsonNode patched = SamplePatch.apply(BASE, PolicyTestSupport.json(
                "{\"a\":{\"c\":[3]},\"d\":null,\"e\":\"$delete\",\"f\":2}"));

        assertThat(patched.toString()).isEqualTo("{\"a\":{\"b\":1,\"c\":[3]},\"d\":null,\"f\":2}");
        assertThat(BASE.toString()).isEqualTo("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\",\"e\":true}");
    }
}
