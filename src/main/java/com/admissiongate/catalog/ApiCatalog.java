package com.admissiongate.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PI-touching API lookups. Keys are prefixes of smali references, so
 * {@code Landroid/accounts/AccountManager;->getAccounts} also covers {@code getAccountsByType}; the
 * longest matching key wins.
 */
public final class ApiCatalog {

    private final List<ApiEntry> entries;
    private final List<ApiEntry> longestFirst;

    ApiCatalog(List<ApiEntry> entries) {
        this.entries = List.copyOf(entries);
        this.longestFirst = entries.stream()
                .sorted(Comparator.comparingInt((ApiEntry e) -> e.key().length()).reversed())
                .toList();
    }

    public List<ApiEntry> entries() {
        return entries;
    }

    /** The entry whose key is the longest prefix of {@code reference} (a smali ref or a content URI). */
    public Optional<ApiEntry> match(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        for (ApiEntry e : longestFirst) {
            if (reference.startsWith(e.key())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
