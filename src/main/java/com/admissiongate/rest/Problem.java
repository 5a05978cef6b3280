package com.admissiongate.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details; {@code code} is stable and documented in contracts/openapi.yaml. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
