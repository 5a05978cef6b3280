package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.NullValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelValuesTests {

    @Test
    void shouldConvertJacksonShapedValuesToCelTypes() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("int", 7);
        in.put("float", 1.5f);
        in.put("nothing", null);
        in.put("list", Arrays.asList(1, null, "s"));

        Map<String, Object> out = CelValues.toCelMap(in);

        assertThat(out.get("int")).isEqualTo(7L);
        assertThat(out.get("float")).isEqualTo(1.5d);
        assertThat(out.get("nothing")).isEqualTo(NullValue.NULL_VALUE);
        assertThat(out.get("list")).isEqualTo(List.of(1L, NullValue.NULL_VALUE, "s"));
    }

    @Test
    void shouldConvertJsonTreeWithLongsAndBackToPlainJava() {
        Object cel = CelValues.fromJson(PolicyTestSupport.json("{\"n\":12,\"x\":null,\"l\":[true,2.5]}"));

        assertThat(((Map<?, ?>) cel).get("n")).isEqualTo(12L);
        assertThat(((Map<?, ?>) cel).get("x")).isEqualTo(NullValue.NULL_VALUE);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 12L);
        expected.put("x", null);
        expected.put("l", List.of(true, 2.5d));
        assertThat(CelValues.toJava(cel)).isEqualTo(expected);
    }
}
