package com.admissiongate.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract-first, checked: every operator endpoint implemented in rest/ is in contracts/openapi.yaml and vice versa,
 * and the x-required-role there is the least role @RolesAllowed lets through.
 */
class OpenApiContractTests {

    static final List<Class<?>> RESOURCES = List.of(VerdictResource.class, ReportResource.class,
            VerdictSearchResource.class, VerdictActionResource.class, RulePackResource.class, AuditResource.class);
    static final List<String> ORDER = List.of(Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN);

    @Test
    void everyImplementedEndpointIsInTheContractWithItsLeastRole() throws Exception {
        Map<String, String> implemented = new TreeMap<>();
        for (Class<?> c : RESOURCES) {
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
                if (verb == null) {
                    continue;
                }
                String path = base + (m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                        : c.getAnnotation(RolesAllowed.class);
                assertThat(roles).as(verb + " " + path + " has @RolesAllowed").isNotNull();
                String least = List.of(roles.value()).stream().min((a, b) -> ORDER.indexOf(a) - ORDER.indexOf(b)).orElseThrow();
                // every role above the least one is allowed too
                assertThat(List.of(roles.value())).as(path).containsAll(ORDER.subList(ORDER.indexOf(least), ORDER.size()));
                implemented.put(verb + " " + path.replaceAll("/+$", ""), least);
            }
        }
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(java.nio.file.Path.of("contracts/openapi.yaml")))
                .get("paths");
        Map<String, String> contract = new TreeMap<>();
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op ->
                contract.put(op.getKey() + " " + p.getKey(), op.getValue().path("x-required-role").asText(null))));

        assertThat(implemented).isEqualTo(contract);
    }
}
