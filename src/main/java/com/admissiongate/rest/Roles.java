package com.admissiongate.rest;

/** Operator roles, carried in the JWT `groups` claim. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
