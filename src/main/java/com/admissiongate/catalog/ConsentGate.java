package com.admissiongate.catalog;

import java.util.List;

/** Vendor privacy-compliance switch (regulations §5.2) an app must call before the SDK collects PI. */
public record ConsentGate(List<String> apis, String description) {

    public ConsentGate {
        apis = Lists.copy(apis);
    }
}
